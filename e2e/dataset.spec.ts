import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { DatasetPage, fixture } from './pages/dataset';
import { TrainingPage } from './pages/training';

test('a built-in set: pick it, see its preview and shapes, change its size and regenerate', async ({
  page,
  consoleErrors,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const d = new DatasetPage(page);
  await d.goto();
  await expect(d.shape('X shape')).toHaveText('[500, 2]');

  await d.choose('Spiral');
  await expect(
    d.panel.getByRole('img', {
      name: /^Scatter of x2 against x1, 500 points, coloured by label: arm A, arm B/,
    }),
  ).toBeVisible();
  await expect(d.panel.locator('.recharts-scatter-symbol')).toHaveCount(500);

  await d.choose('8×8 digits');
  await expect(
    d.panel.getByRole('img', { name: /^The first 12 images \(8×8\), labelled / }),
  ).toBeVisible();
  await expect(d.shape('X shape')).toHaveText('[1000, 8, 8, 1]');
  await expect(d.shape('y shape')).toHaveText('[1000, 10]');
  await d.set('Images', 200);
  await expect(d.shape('X shape')).toHaveText('[200, 8, 8, 1]');
  const seed = await d.number('Data seed').inputValue();
  await d.button('Regenerate').click();
  await expect(d.number('Data seed')).not.toHaveValue(seed);
  await expect(d.shape('X shape')).toHaveText('[200, 8, 8, 1]');

  await d.choose('Sum of sines');
  await expect(d.shape('X shape')).toHaveText('[1452, 24, 1]');
  await expect(d.panel.getByRole('img', { name: /window 1 covers steps 0 to 23/ })).toBeVisible();
  // The data was prepared in the module worker, not on the page.
  expect(scripts.some((s) => /prepare\.worker-.*\.js$/.test(s))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('the shipped US births: set a window, see N, T and F, and step through the windows', async ({
  page,
  consoleErrors,
}) => {
  const d = new DatasetPage(page);
  await d.goto();
  await d.choose('US daily births 2000–2014');
  await expect(d.panel.getByText('ODC PDDL 1.0 (database), CC0 1.0 (contents)')).toBeVisible();
  await expect(d.panel.getByText(/US Social Security Administration/)).toBeVisible();
  await expect(d.windowShape).toHaveText(/T = 28 steps · F = 1 feature/);

  await d.set('Window length', 14);
  await d.set('Stride', 7);
  await d.set('Horizon', 2);
  // 5 479 days, the last 20 % validate; each part is windowed on its own: 624 + 155.
  await expect(d.windowShape).toHaveText('N = 779 windows · T = 14 steps · F = 1 feature');
  await expect(d.shape('X shape')).toHaveText('[779, 14, 1]');
  await expect(d.shape('y shape')).toHaveText('[779, 1]');
  await expect(d.panel.getByText(/sequence_length = 14\b.*sequence_stride = 7\b/)).toBeVisible();
  await expect(d.panel.getByText(/'births' 2 steps after the window's last step/)).toBeVisible();

  const at = d.panel.getByRole('group', { name: 'Step through the windows' });
  await expect(at).toContainText('Window 1 of 779 (training): steps 0–13 → target at step 15');
  await expect(d.button('Previous window')).toBeDisabled();
  await d.button('Next window').click();
  await expect(at).toContainText('Window 2 of 779 (training): steps 7–20 → target at step 22');
  await expect(
    d.panel.getByRole('img', { name: /window 2 covers steps 7 to 20, its target is at step 22/ }),
  ).toBeVisible();
  await d.button('Previous window').click();
  await expect(at).toContainText('Window 1 of 779');

  // Settings the series cannot hold are explained where they are set; nothing else is lost.
  await d.set('Window length', 1000);
  await d.set('Horizon', 1000);
  await expect(
    d.panel.getByRole('status').filter({
      hasText:
        /A window of 1.000 steps plus a horizon of 1.000 steps needs at least 2.000 rows, but the validation part .* has 1.096/,
    }),
  ).toBeVisible();
  await expect(d.windowShape).toHaveCount(0);
  await d.set('Window length', 14);
  await d.set('Horizon', 1);
  await expect(d.windowShape).toHaveText(/^N = \d+ windows · T = 14 steps/);
  expect(consoleErrors).toEqual([]);
});

test('your CSV: roles, a window, the Input fix, then training on it', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(150_000);
  const d = new DatasetPage(page);
  const t = new TrainingPage(page);
  await t.goto();
  await d.choose('Your own CSV file…');
  await expect(d.panel.getByText(/Up to 20 MB/)).toBeVisible();
  await d.openCsv('sensor.csv');

  const table = d.panel.getByRole('table', { name: 'First rows of sensor.csv' });
  await expect(table.getByRole('row')).toHaveCount(9);
  await expect(table.getByRole('row').nth(1)).toContainText('2024-01-01T00:00');
  const role = (name: string) => d.panel.getByRole('combobox', { name: `Role of ${name}` });
  await expect(role('time')).toHaveValue('time');
  await expect(role('load')).toHaveValue('label');
  await role('load').selectOption('feature');

  await d.panel.getByRole('checkbox', { name: 'Cut the series into windows' }).check();
  await d.panel.getByRole('combobox', { name: 'Target column' }).selectOption('load');
  await d.set('Window length', 12);
  await d.set('Stride', 2);
  await d.set('Horizon', 3);
  // 240 hours: the first 192 give 89 windows, the last 48 give 17.
  await expect(d.windowShape).toHaveText('N = 106 windows · T = 12 steps · F = 2 features');
  await expect(d.shape('X shape')).toHaveText('[106, 12, 2]');
  await expect(d.panel.getByRole('img', { name: /^load from step 0/ })).toBeVisible();

  await expect(d.checks).toContainText(
    'One sample of the data has shape (12, 2), but the Input layer takes (2,).',
  );
  await d.button('Use data shape').click();
  await expect(d.checks).toContainText('The Input layer takes (12, 2), the shape of one sample.');
  await expect(page.getByRole('list', { name: 'Layers' })).toContainText('shape=(12, 2)');
  await d.button('Add Flatten after the Input').click();
  await d.button('Set the last Dense to Dense(1, linear)').click();
  await expect(d.checks).toContainText(
    'The model ends with Dense(1, linear), which suits the task.',
  );
  await expect(d.checks).toContainText('Training uses Mean squared error, which suits the task.');

  await t.quickRun(1);
  await t.button('Train').click();
  await t.firstBatchDone();
  await t.expectStatus('Finished', 120_000);
  expect(await t.number('Latest loss')).toBeGreaterThan(0);
  expect(consoleErrors).toEqual([]);
});

test('a CSV with a numeric label: the scatter legend lists its value ranges low to high', async ({
  page,
  consoleErrors,
}) => {
  const d = new DatasetPage(page);
  await d.goto();
  await d.choose('Your own CSV file…');
  // Daily births: 4- and 5-digit counts, whose text order ("10000" < "6820") is not their order.
  await d.fileInput.setInputFiles(
    fileURLToPath(new URL('../public/data/us-births.csv', import.meta.url)),
  );
  const scatter = d.panel.getByRole('figure', { name: /^month against year/ });
  await expect(scatter.getByRole('img', { name: /coloured by births: / })).toBeVisible();
  const items = scatter.getByRole('list', { name: 'Legend' }).getByRole('listitem');
  await expect(items).toHaveCount(5);
  const ranges = (await items.allTextContents()).map((t) => t.split(' to ').map(Number));
  expect(ranges.flat().every(Number.isFinite)).toBe(true);
  // Each range starts where the one before it ends: low to high.
  ranges.slice(1).forEach(([lo], i) => expect(lo, `range ${i + 2}`).toBe(ranges[i]?.[1]));
  expect(consoleErrors).toEqual([]);
});

test('a CSV with a bad cell names its row and column and keeps the data in use', async ({
  page,
  consoleErrors,
}) => {
  const d = new DatasetPage(page);
  await d.goto();
  await d.choose('Your own CSV file…');
  // Dropped on the zone, as from a file manager.
  const text = readFileSync(fixture('sensor.csv'), 'utf8');
  const files = await page.evaluateHandle((csv) => {
    const dt = new DataTransfer();
    dt.items.add(new File([csv], 'sensor.csv', { type: 'text/csv' }));
    return dt;
  }, text);
  await d.panel
    .getByRole('group', { name: 'Open a CSV file' })
    .dispatchEvent('drop', { dataTransfer: files });
  await expect(d.shape('X shape')).toHaveText('[240, 1]');

  await d.openCsv('sensor-bad.csv');
  const alert = d.panel.getByRole('alert');
  await expect(alert).toContainText("Row 5, column 'temperature': 'warm' is not a number.");
  await expect(alert).toContainText("Still in use: 'sensor.csv'.");
  await expect(d.shape('X shape')).toHaveText('[240, 1]');
  await expect(d.panel.getByRole('table', { name: 'First rows of sensor.csv' })).toBeVisible();
  await alert.getByRole('button', { name: 'Dismiss the data error' }).click();
  await expect(alert).toHaveCount(0);

  // Too big: refused from its size alone, before it is read.
  // A sparse file: 21 MB on paper, nothing written, since only its size is ever looked at.
  const huge = test.info().outputPath('huge.csv');
  writeFileSync(huge, '');
  truncateSync(huge, 21 * 1024 * 1024);
  await d.fileInput.setInputFiles(huge);

  await expect(d.panel.getByRole('alert')).toContainText(
    "'huge.csv' is 21.0 MB; Layerlab reads CSV files up to 20 MB.",
  );
  await expect(d.shape('X shape')).toHaveText('[240, 1]');
  expect(consoleErrors).toEqual([]);
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
  consoleErrors,
}) => {
  test.setTimeout(150_000);
  const d = new DatasetPage(page);
  await d.goto();
  await d.choose('Your own CSV file…');
  // From disk, so the browser reads the file itself as it would a user's.
  const big = test.info().outputPath('big.csv');
  writeFileSync(big, bigCsv());
  await d.fileInput.setInputFiles(big);
  await expect(d.status).toHaveText("Reading 'big.csv'…");
  // A page busy parsing would take this input only after the parse, when the status is gone.
  const epochs = page.getByRole('spinbutton', { name: 'Epochs', exact: true });
  await epochs.fill('3');
  await expect(epochs).toHaveValue('3');
  await expect(d.status).toHaveText("Reading 'big.csv'…");
  await expect(d.panel.getByRole('table', { name: 'First rows of big.csv' })).toBeVisible({
    timeout: 120_000,
  });
  await expect(d.shape('X shape')).toHaveText('[199999, 7]');
  expect(consoleErrors).toEqual([]);
});
