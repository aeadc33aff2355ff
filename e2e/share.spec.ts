import { readFile, stat } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { BuilderPage } from './pages/builder';
import { DatasetPage } from './pages/dataset';
import { linkTo } from './pages/share';
import { TrainingPage } from './pages/training';

/** The edits every test makes: the model, a data setting, a hyperparameter and the view. */
async function edit(b: BuilderPage) {
  const page = b.page;
  await b.select('dense (Dense)');
  const units = b.field(/^units/);
  await units.fill('');
  await units.pressSequentially('12');
  await units.press('Enter');
  await expect(b.card('dense (Dense)')).toContainText('units=12');
  await new DatasetPage(page).set('Points', 300);
  const t = new TrainingPage(page);
  await t.set('Learning rate', 0.05);
  await page.getByRole('button', { name: 'Left to right' }).click();
}

async function expectEdited(b: BuilderPage) {
  const page = b.page;
  await expect(b.card('dense (Dense)')).toContainText('units=12');
  await expect(new DatasetPage(page).number('Points')).toHaveValue('300');
  await expect(new TrainingPage(page).setting('Learning rate')).toHaveValue('0.05');
  await expect(page.getByRole('button', { name: 'Left to right' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
}

test('a copied link opens the same experiment in a fresh browser', async ({
  page,
  browser,
  builder,
  share,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await builder.goto();
  const labels = await builder.labels();
  await edit(builder);

  const entries = await page.evaluate(() => history.length);
  await share.button('Copy link').click();
  await expect(share.toolbar.getByRole('status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await page.evaluate(() => location.href));
  expect(new URL(link).hash).toMatch(/^#e1\./);
  // Edits replace the hash; they never pile up history entries.
  expect(await page.evaluate(() => history.length)).toBe(entries);

  // A new context: no autosave to fall back on, only the link.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  const b2 = new BuilderPage(fresh);
  await expect(b2.layers.getByRole('listitem')).toHaveCount(4);
  expect(await b2.labels()).toEqual(labels);
  await expectEdited(b2);
  await expect(fresh.locator('.share-banner')).toHaveCount(0);
  await other.close();
});

test('a broken or hostile link shows what was ignored, as text, and the page works', async ({
  page,
  share,
  builder,
  training,
}) => {
  await page.goto('/#this-is-not-a-link');
  await expect(share.banner(/^This link had parts that could not be used/)).toContainText(
    'link: it is not a Layerlab experiment link',
  );
  await expect(builder.layers.getByRole('listitem')).toHaveCount(4);

  const hostileName = '<img src=x onerror="window.__pwned=1">';
  await page.goto(
    linkTo({
      v: 1,
      model: {
        layers: [
          { id: 'a', kind: 'Input', params: { shape: [2] }, name: hostileName },
          { id: 'b', kind: 'Dense', params: { units: 3, activation: 'relu', use_bias: true } },
          { id: 'c', kind: 'Dense', params: { units: 1, activation: 'sigmoid', use_bias: true } },
        ],
      },
      training: { epochs: 1e9, '<script>alert(1)</script>': true, batchSize: 16 },
    }),
  );
  const banner = share.banner(/^This link had parts/);
  // Shown as text (shortened, as every value from a link is), never as an element.
  await expect(banner).toContainText('model: layer 1 (Input): the name "<img src=x onerror=');
  await expect(banner).toContainText('training.epochs: must be an integer from 1 to 10000');
  await expect(banner).toContainText('"<script>alert(1)</script>": not a Layerlab setting');
  // The valid parts were kept, the bad ones defaulted, and nothing became markup.
  await expect(builder.layers.getByRole('listitem')).toHaveCount(3);
  await expect(builder.card('dense (Dense)')).toContainText('units=3');
  await expect(training.setting('Batch size')).toHaveValue('16');
  await expect(training.setting('Epochs')).toHaveValue('20');
  await expect(page.locator('img[src="x"], script:text("alert")')).toHaveCount(0);
  expect(await page.evaluate(() => 'pwned' in window || '__pwned' in window)).toBe(false);

  // Oversized and truncated links, and a hash edited by hand while the page is open.
  await page.goto(`/#e1.${'A'.repeat(20_000)}`);
  await expect(share.banner(/^This link had parts/)).toContainText('over the limit of 16384');
  const good = await share.settledHash();
  await page.evaluate((h) => (location.hash = h.slice(0, 40)), good);
  await expect(share.banner(/^This link had parts/)).toContainText('link: it is damaged');
  await share
    .banner(/^This link had parts/)
    .getByRole('button', { name: 'Dismiss message' })
    .click();
  await expect(share.banner(/^This link had parts/)).toHaveCount(0);
  await builder.select('dense (Dense)');
  await expect(builder.field(/^units/)).toBeEditable();
});

test('a hand-edited link with one bad argument keeps the model and names the argument', async ({
  page,
  share,
  builder,
}) => {
  await page.goto(
    linkTo({
      v: 1,
      model: {
        layers: [
          { id: 'a', kind: 'Input', params: { shape: [2] } },
          { id: 'b', kind: 'Dense', params: { units: 8, activation: 'relu', use_bias: true } },
          { id: 'c', kind: 'Dense', params: { units: -5, activation: 'tanh', use_bias: false } },
          { id: 'd', kind: 'Dense', params: { units: 1, activation: 'sigmoid', use_bias: true } },
        ],
      },
    }),
  );
  const banner = share.banner(/^This link had parts/);
  await expect(banner).toContainText(
    'model: layer 3 (Dense): units must be an integer between 1 and 4096 (got -5); the default 32 was used',
  );
  await expect(builder.layers.getByRole('listitem')).toHaveCount(4);
  await expect(builder.card('dense (Dense)')).toContainText('units=8');
  // The bad argument took its default; the layer's other arguments were kept.
  await expect(builder.card('dense_1 (Dense)')).toContainText('units=32');
  await expect(builder.card('dense_1 (Dense)')).toContainText('activation=tanh');
  await expect(builder.card('dense_1 (Dense)')).toContainText('use_bias=False');
  await expect(builder.card('dense_2 (Dense)')).toContainText('units=1');
});

test('a link to CSV data asks for the file again, then uses its settings', async ({
  page,
  dataset,
  training,
}) => {
  await page.goto(
    linkTo({
      v: 1,
      data: { source: 'csv', fileName: 'sensor.csv', prepare: { validationSplit: 0.3 } },
    }),
  );
  await expect(dataset.panel).toContainText(
    "Open the file 'sensor.csv' again: a shared link carries its settings but not its contents.",
  );
  await dataset.openCsv('sensor.csv');
  await expect(dataset.panel).not.toContainText('Open the file');
  await expect(training.setting('Validation split')).toHaveValue('0.3');
});

test('a reload loses nothing, mid-edit, and the experiments list manages saved copies', async ({
  page,
  builder,
  share,
}) => {
  await builder.goto();
  await edit(builder);
  await share.settled();
  await page.reload();
  await expectEdited(builder);
  await expect(page.locator('.share-banner')).toHaveCount(0);

  // Reload with no hash at all: the autosave alone brings it back.
  await page.goto('/');
  await expectEdited(builder);

  await share.button('Experiments').click();
  await expect(share.dialog).toBeVisible();
  const list = share.dialog.getByRole('list', { name: 'Saved experiments' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await share.dialog.getByRole('button', { name: 'Rename', exact: false }).first().click();
  await share.dialog.getByLabel(/^New name for/).fill('Ring <b>net</b>');
  await share.dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(list.getByRole('listitem').first()).toContainText('Ring <b>net</b>');
  await share.dialog.getByRole('button', { name: "Duplicate 'Ring <b>net</b>'" }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await share.dialog.getByRole('button', { name: 'New experiment' }).click();
  await expect(share.dialog).toBeHidden();
  await expect(builder.card('dense (Dense)')).toContainText('units=8');
  await share.button('Experiments').click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await share.dialog.getByRole('button', { name: "Open 'Ring <b>net</b>'" }).click();
  await expectEdited(builder);
  await share.button('Experiments').click();
  await share.dialog.getByRole('button', { name: "Delete 'Copy of Ring <b>net</b>'" }).click();
  await share.dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(share.dialog).toBeHidden();
});

test('exports Keras JSON that imports back, and a Python script naming every layer', async ({
  page,
  builder,
  share,
}) => {
  await builder.goto();
  await edit(builder);
  const labels = await builder.labels();

  const script = await share.exportFile('Keras Python script');
  expect(script.name).toMatch(/\.py$/);
  for (const label of labels) {
    const [name, kind] = label.replace(')', '').split(' (');
    expect(script.text).toMatch(new RegExp(`(layers\\.${kind}|keras\\.Input)\\(.*name="${name}"`));
  }
  expect(script.text).toContain('tf.distribute');
  expect(script.text).toContain('learning_rate=0.05');

  const json = await share.exportFile('Keras JSON config');
  expect(json.name).toMatch(/\.json$/);
  expect(JSON.parse(json.text)).toMatchObject({ class_name: 'Sequential' });

  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: /^LSTM/ }).first().click();
  expect(await builder.labels()).not.toEqual(labels);
  await share.importInput.setInputFiles(json.path);
  await expect(share.banner(/^Imported '.*\.json' \(4 layers\)\.$/)).toBeVisible();
  expect(await builder.labels()).toEqual(labels);
  await expect(builder.card('dense (Dense)')).toContainText('units=12');

  // A file that is not a model changes nothing and says why.
  await share.importInput.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"class_name":"Functional","config":{}}'),
  });
  await expect(share.banner('The model was not imported; nothing changed.')).toContainText(
    'only Sequential models',
  );
  expect(await builder.labels()).toEqual(labels);
});

test('the same link trains the same loss curve, and the trained model exports as tfjs files', async ({
  page,
  browser,
  training,
  share,
}) => {
  test.setTimeout(240_000);
  await training.goto();
  await training.chooseBackend('CPU');
  await training.quickRun(2);
  await training.button('Train').click();
  await training.expectStatus('Finished');
  const curve = [await training.number('First loss'), await training.number('Latest loss')];
  const link = `/${await share.settledHash()}`;

  const other = await browser.newContext();
  const t2 = new TrainingPage(await other.newPage());
  await t2.page.goto(link);
  await expect(t2.page.getByRole('combobox', { name: 'Backend' })).toHaveValue('cpu');
  await t2.button('Train').click();
  await t2.expectStatus('Finished');
  expect([await t2.number('First loss'), await t2.number('Latest loss')]).toEqual(curve);
  await other.close();

  // The worker saved the weights to IndexedDB when the run ended; they export as tfjs files.
  const trained = share.toolbar.getByRole('button', { name: /^Trained model/ });
  await share.button('Export').click();
  await expect(trained).toBeEnabled();
  const downloads: Promise<import('@playwright/test').Download>[] = [];
  page.on('download', (d) => downloads.push(Promise.resolve(d)));
  await trained.click();
  await expect.poll(() => downloads.length).toBe(2);
  const [json, bin] = await Promise.all(downloads);
  if (!json || !bin) throw new Error('two downloads expected');
  expect(json.suggestedFilename()).toBe('model.json');
  expect(bin.suggestedFilename()).toBe('weights.bin');
  const manifest = JSON.parse(await readFile(await json.path(), 'utf8')) as {
    weightsManifest: { paths: string[]; weights: { shape: number[] }[] }[];
  };
  const group = manifest.weightsManifest[0];
  expect(group?.paths).toEqual(['./weights.bin']);
  const floats = (group?.weights ?? []).reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  expect((await stat(await bin.path())).size).toBe(floats * 4);

  // The run history comes back with the experiment.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Training runs' })).toContainText('Run 1');

  // The two files import back with their weights: a new run starts where the trained one ended.
  await share.importInput.setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: await readFile(await json.path()) },
    {
      name: 'weights.bin',
      mimeType: 'application/octet-stream',
      buffer: await readFile(await bin.path()),
    },
  ]);
  await expect(
    share.banner(/^Imported 'model\.json' \(\d+ layers\) with its trained weights\.$/),
  ).toBeVisible();
  const note = training.panel.getByText(/Runs start from the imported weights \('weights\.bin'/);
  await expect(note).toBeVisible();
  // Kept with the experiment: a reload brings them back.
  await page.reload();
  await expect(training.badge).toContainText('Backend:', { timeout: 60_000 });
  await expect(note).toBeVisible();
  await training.button('Step one batch').click();
  await training.firstBatchDone();
  const [fresh, trainedTo] = curve as [number, number];
  expect(await training.number('First loss')).toBeLessThan((fresh + trainedTo) / 2);
  await training.button('Stop').click();
  await training.expectStatus('Stopped');
  await training.panel.getByRole('button', { name: 'Use new weights' }).click();
  await expect(note).toBeHidden();
  await page.reload();
  await expect(training.badge).toContainText('Backend:', { timeout: 60_000 });
  await expect(training.panel.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  // The weights load from IndexedDB a moment after start-up: give them the time to (wrongly) appear.
  await page.waitForTimeout(1500);
  await expect(note).toBeHidden();
});
