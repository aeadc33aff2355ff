import { test, expect } from './fixtures';
import { BuilderPage } from './pages/builder';
import { SharePage } from './pages/share';
import { TrainingPage } from './pages/training';

async function setUnits(b: BuilderPage, units: number) {
  await b.select('dense (Dense)');
  const field = b.field(/^units/);
  await field.fill('');
  await field.pressSequentially(String(units));
  await field.press('Enter');
  await expect(b.card('dense (Dense)')).toContainText(`units=${units}`);
}

test('two tabs of one experiment: an edit in each, neither lost, and each tab says so', async ({
  page,
  builder,
  share,
  training,
}) => {
  await builder.goto();
  await share.settled();
  // A second tab of the same browser: same storage, its own page (the fixtures are the first's).
  const page2 = await page.context().newPage();
  const builder2 = new BuilderPage(page2);
  const share2 = new SharePage(page2);
  await builder2.goto();

  await setUnits(builder, 12);
  await share.settled();
  // The second tab had no edits of its own: it shows the first tab's, and says why it changed.
  await expect(builder2.card('dense (Dense)')).toContainText('units=12');
  await expect(share2.banner(/^'Experiment 1' was changed in another tab/)).toBeVisible();

  await new TrainingPage(page2).set('Learning rate', 0.05);
  await share2.settled();
  await expect(training.setting('Learning rate')).toHaveValue('0.05');
  await expect(builder.card('dense (Dense)')).toContainText('units=12');
  await expect(share.banner(/^'Experiment 1' was changed in another tab/)).toBeVisible();

  // Both edits are what is saved: a fresh load shows both, in one experiment.
  await page.goto('/');
  await expect(builder.card('dense (Dense)')).toContainText('units=12');
  await expect(training.setting('Learning rate')).toHaveValue('0.05');
  await share.button('Experiments').click();
  const list = share.dialog.getByRole('list', { name: 'Saved experiments' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
});

test('with storage full, editing goes on, saving is said to be off, and the link and export are offered', async ({
  page,
  browser,
  builder,
  share,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await builder.goto();
  await share.settled();
  const filled = await page.evaluate(() => {
    // Fill this origin's localStorage: big strings until one is refused, then smaller ones.
    let size = 1 << 20;
    let n = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`fill.${n}`, 'x'.repeat(size));
        n++;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return n;
  });
  expect(filled).toBeGreaterThan(0);

  // An edit that makes the saved record longer: replacing a value of the same length may fit.
  await builder.select('dense (Dense)');
  await builder.paletteItem('Dropout').click();
  await expect(builder.layers.getByRole('listitem')).toHaveCount(5);
  const banner = share.banner("Saving is off: this browser's storage for Layerlab is full.");
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await banner.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: /^Keras Python script/ }).click();
  expect((await download).suggestedFilename()).toMatch(/\.py$/);

  // Editing still works, and the link still carries every edit.
  await setUnits(builder, 16);
  await banner.getByRole('button', { name: 'Copy link' }).click();
  await expect(banner.getByRole('status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const other = await browser.newContext();
  const linked = new BuilderPage(await other.newPage());
  await linked.page.goto(link);
  await expect(linked.card('dense (Dense)')).toContainText('units=16');
  await expect(linked.layers.getByRole('listitem')).toHaveCount(5);
  await other.close();

  // Room again: the next edit saves, and the message says so.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage))
      if (key.startsWith('fill.')) localStorage.removeItem(key);
  });
  await setUnits(builder, 20);
  await expect(
    share.banner('Saving works again: the experiment on screen is saved.'),
  ).toBeVisible();
  await share.settled();
});
