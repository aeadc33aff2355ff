import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { fixture } from './pages/dataset';

test('a built-in set: pick it, see its preview and shapes, change its size and regenerate', async ({
  scripts,
  dataset,
}) => {
  await dataset.goto();
  await expect(dataset.shape('X shape')).toHaveText('[500, 2]');

  await dataset.choose('Spiral');
  await expect(
    dataset.panel.getByRole('img', {
      name: /^Scatter of x2 against x1, 500 points, coloured by label: arm A, arm B/,
    }),
  ).toBeVisible();
  await expect(dataset.panel.locator('.recharts-scatter-symbol')).toHaveCount(500);

  await dataset.choose('8×8 digits');
  await expect(
    dataset.panel.getByRole('img', { name: /^The first 12 images \(8×8\), labelled / }),
  ).toBeVisible();
  await expect(dataset.shape('X shape')).toHaveText('[1000, 8, 8, 1]');
  await expect(dataset.shape('y shape')).toHaveText('[1000, 10]');
  await dataset.set('Images', 200);
  await expect(dataset.shape('X shape')).toHaveText('[200, 8, 8, 1]');
  const seed = await dataset.number('Data seed').inputValue();
  await dataset.button('Regenerate').click();
  await expect(dataset.number('Data seed')).not.toHaveValue(seed);
  await expect(dataset.shape('X shape')).toHaveText('[200, 8, 8, 1]');

  await dataset.choose('Sum of sines');
  await expect(dataset.shape('X shape')).toHaveText('[1452, 24, 1]');
  await expect(
    dataset.panel.getByRole('img', { name: /window 1 covers steps 0 to 23/ }),
  ).toBeVisible();
  // The data was prepared in the module worker, not on the page.
  expect(scripts.some((s) => /prepare\.worker-.*\.js$/.test(s))).toBe(true);
});

test('the shipped US births: set a window, see N, T and F, and step through the windows', async ({
  dataset,
}) => {
  await dataset.goto();
  await dataset.choose('US daily births 2000–2014');
  await expect(
    dataset.panel.getByText('ODC PDDL 1.0 (database), CC0 1.0 (contents)'),
  ).toBeVisible();
  await expect(dataset.panel.getByText(/US Social Security Administration/)).toBeVisible();
  await expect(dataset.windowShape).toHaveText(/T = 28 steps · F = 1 feature/);

  await dataset.set('Window length', 14);
  await dataset.set('Stride', 7);
  await dataset.set('Horizon', 2);
  // 5 479 days, the last 20 % validate; each part is windowed on its own: 624 + 155.
  await expect(dataset.windowShape).toHaveText('N = 779 windows · T = 14 steps · F = 1 feature');
  await expect(dataset.shape('X shape')).toHaveText('[779, 14, 1]');
  await expect(dataset.shape('y shape')).toHaveText('[779, 1]');
  await expect(
    dataset.panel.getByText(/sequence_length = 14\b.*sequence_stride = 7\b/),
  ).toBeVisible();
  await expect(
    dataset.panel.getByText(/'births' 2 steps after the window's last step/),
  ).toBeVisible();

  const at = dataset.panel.getByRole('group', { name: 'Step through the windows' });
  await expect(at).toContainText('Window 1 of 779 (training): steps 0–13 → target at step 15');
  await expect(dataset.button('Previous window')).toBeDisabled();
  await dataset.button('Next window').click();
  await expect(at).toContainText('Window 2 of 779 (training): steps 7–20 → target at step 22');
  await expect(
    dataset.panel.getByRole('img', {
      name: /window 2 covers steps 7 to 20, its target is at step 22/,
    }),
  ).toBeVisible();
  await dataset.button('Previous window').click();
  await expect(at).toContainText('Window 1 of 779');

  // Settings the series cannot hold are explained where they are set; nothing else is lost.
  await dataset.set('Window length', 1000);
  await dataset.set('Horizon', 1000);
  await expect(
    dataset.panel.getByRole('status').filter({
      hasText:
        /A window of 1.000 steps plus a horizon of 1.000 steps needs at least 2.000 rows, but the validation part .* has 1.096/,
    }),
  ).toBeVisible();
  await expect(dataset.windowShape).toHaveCount(0);
  await dataset.set('Window length', 14);
  await dataset.set('Horizon', 1);
  await expect(dataset.windowShape).toHaveText(/^N = \d+ windows · T = 14 steps/);
});

test('your CSV: roles, a window, the Input fix, then training on it', async ({
  page,
  dataset,
  training,
}) => {
  test.setTimeout(150_000);
  await training.goto();
  await dataset.choose('Your own CSV file…');
  await expect(dataset.panel.getByText(/Up to 20 MB/)).toBeVisible();
  await dataset.openCsv('sensor.csv');

  const table = dataset.panel.getByRole('table', { name: 'First rows of sensor.csv' });
  await expect(table.getByRole('row')).toHaveCount(9);
  await expect(table.getByRole('row').nth(1)).toContainText('2024-01-01T00:00');
  const role = (name: string) => dataset.panel.getByRole('combobox', { name: `Role of ${name}` });
  await expect(role('time')).toHaveValue('time');
  await expect(role('load')).toHaveValue('label');
  await role('load').selectOption('feature');

  await dataset.panel.getByRole('checkbox', { name: 'Cut the series into windows' }).check();
  await dataset.panel.getByRole('combobox', { name: 'Target column' }).selectOption('load');
  await dataset.set('Window length', 12);
  await dataset.set('Stride', 2);
  await dataset.set('Horizon', 3);
  // 240 hours: the first 192 give 89 windows, the last 48 give 17.
  await expect(dataset.windowShape).toHaveText('N = 106 windows · T = 12 steps · F = 2 features');
  await expect(dataset.shape('X shape')).toHaveText('[106, 12, 2]');
  await expect(dataset.panel.getByRole('img', { name: /^load from step 0/ })).toBeVisible();

  await expect(dataset.checks).toContainText(
    'One sample of the data has shape (12, 2), but the Input layer takes (2,).',
  );
  await dataset.button('Use data shape').click();
  await expect(dataset.checks).toContainText(
    'The Input layer takes (12, 2), the shape of one sample.',
  );
  await expect(page.getByRole('list', { name: 'Layers' })).toContainText('shape=(12, 2)');
  await dataset.button('Add Flatten after the Input').click();
  await dataset.button('Set the last Dense to Dense(1, linear)').click();
  await expect(dataset.checks).toContainText(
    'The model ends with Dense(1, linear), which suits the task.',
  );
  await expect(dataset.checks).toContainText(
    'Training uses Mean squared error, which suits the task.',
  );

  await training.quickRun(1);
  await training.button('Train').click();
  await training.firstBatchDone();
  await training.expectStatus('Finished', 120_000);
  expect(await training.number('Latest loss')).toBeGreaterThan(0);
});

test('a CSV with a numeric label: the scatter legend lists its value ranges low to high', async ({
  dataset,
}) => {
  await dataset.goto();
  await dataset.choose('Your own CSV file…');
  // Daily births: 4- and 5-digit counts, whose text order ("10000" < "6820") is not their order.
  await dataset.fileInput.setInputFiles(
    fileURLToPath(new URL('../public/data/us-births.csv', import.meta.url)),
  );
  const scatter = dataset.panel.getByRole('figure', { name: /^month against year/ });
  await expect(scatter.getByRole('img', { name: /coloured by births: / })).toBeVisible();
  const items = scatter.getByRole('list', { name: 'Legend' }).getByRole('listitem');
  await expect(items).toHaveCount(5);
  const ranges = (await items.allTextContents()).map((t) => t.split(' to ').map(Number));
  expect(ranges.flat().every(Number.isFinite)).toBe(true);
  // Each range starts where the one before it ends: low to high.
  ranges.slice(1).forEach(([lo], i) => expect(lo, `range ${i + 2}`).toBe(ranges[i]?.[1]));
});

test('a CSV with a bad cell names its row and column and keeps the data in use', async ({
  page,
  dataset,
}) => {
  await dataset.goto();
  await dataset.choose('Your own CSV file…');
  // Dropped on the zone, as from a file manager.
  const text = readFileSync(fixture('sensor.csv'), 'utf8');
  const files = await page.evaluateHandle((csv) => {
    const dt = new DataTransfer();
    dt.items.add(new File([csv], 'sensor.csv', { type: 'text/csv' }));
    return dt;
  }, text);
  await dataset.panel
    .getByRole('group', { name: 'Open a CSV file' })
    .dispatchEvent('drop', { dataTransfer: files });
  await expect(dataset.shape('X shape')).toHaveText('[240, 1]');

  await dataset.openCsv('sensor-bad.csv');
  const alert = dataset.panel.getByRole('alert');
  await expect(alert).toContainText("Row 5, column 'temperature': 'warm' is not a number.");
  await expect(alert).toContainText("Still in use: 'sensor.csv'.");
  await expect(dataset.shape('X shape')).toHaveText('[240, 1]');
  await expect(
    dataset.panel.getByRole('table', { name: 'First rows of sensor.csv' }),
  ).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss the data error' }).click();
  await expect(alert).toHaveCount(0);

  // Too big: refused from its size alone, before it is read.
  // A sparse file: 21 MB on paper, nothing written, since only its size is ever looked at.
  const huge = test.info().outputPath('huge.csv');
  writeFileSync(huge, '');
  truncateSync(huge, 21 * 1024 * 1024);
  await dataset.fileInput.setInputFiles(huge);

  await expect(dataset.panel.getByRole('alert')).toContainText(
    "'huge.csv' is 21.0 MB; Layerlab reads CSV files up to 20 MB.",
  );
  await expect(dataset.shape('X shape')).toHaveText('[240, 1]');
});

/** About 17 MB: 199 999 rows (just under the row limit) of seven numbers and a class. */
function bigCsv(): Buffer {
  const lines = ['a,b,c,d,e,f,g,label'];
  for (let i = 0; i < 199_999; i++) {
    const v = (k: number) => Math.sin(i * 0.001 * k).toFixed(8);
    lines.push(`${v(1)},${v(2)},${v(3)},${v(4)},${v(5)},${v(6)},${v(7)},${i % 3}`);
  }
  return Buffer.from(lines.join('\n'));
}

test('the page keeps answering while a large CSV is read off the main thread', async ({
  page,
  dataset,
}) => {
  test.setTimeout(150_000);
  await dataset.goto();
  await dataset.choose('Your own CSV file…');
  // From disk, so the browser reads the file itself as it would a user's.
  const big = test.info().outputPath('big.csv');
  writeFileSync(big, bigCsv());
  await dataset.fileInput.setInputFiles(big);
  await expect(dataset.status).toHaveText("Reading 'big.csv'…");
  // A page busy parsing would take this input only after the parse, when the status is gone.
  const epochs = page.getByRole('spinbutton', { name: 'Epochs', exact: true });
  await epochs.fill('3');
  await expect(epochs).toHaveValue('3');
  await expect(dataset.status).toHaveText("Reading 'big.csv'…");
  await expect(dataset.panel.getByRole('table', { name: 'First rows of big.csv' })).toBeVisible({
    timeout: 120_000,
  });
  await expect(dataset.shape('X shape')).toHaveText('[199999, 7]');
});
