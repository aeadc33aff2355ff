import { test, expect } from './fixtures';
import { BuilderPage } from './pages/builder';
import { ChartsPage } from './pages/charts';
import { DatasetPage } from './pages/dataset';
import { TrainingPage } from './pages/training';

// Small models on the CPU backend (software WebGPU is slow here), at most 2 epochs.
test.describe.configure({ timeout: 150_000 });

test('during training the loss chart gains points, and layer outputs and pooling show data', async ({
  page,
  consoleErrors,
}) => {
  const t = new TrainingPage(page);
  const c = new ChartsPage(page);
  const d = new DatasetPage(page);
  await t.goto();
  await new BuilderPage(page).loadTemplate('Conv1D + MaxPooling1D classifier');
  await d.choose('Which waveform?');
  await expect(d.shape('X shape')).toHaveText('[400, 32, 1]');
  await d.button('Use data shape').click();
  await expect(d.checks.getByRole('button')).toHaveCount(0);
  await t.chooseBackend('CPU');
  await t.setting('Epochs').fill('2');
  await t.setting('Batch size').fill('8');
  await t.setting('Batch size').blur();

  // One epoch, then a pause: the charts show a run in progress whatever the machine's speed.
  await t.button('Step one epoch').click();
  await t.expectStatus('Paused');
  await expect(t.field('Batch')).toHaveText('40 / 40');
  await c.figure('Loss per batch').scrollIntoViewIfNeeded();
  await expect.poll(() => c.linePoints('Loss per batch')).toBe(40);
  const axes = c.figure('Loss per batch').getByRole('img', { name: 'Loss per batch' });
  await expect(axes.getByText('Batch', { exact: true })).toBeVisible();
  await expect(axes.getByText('Loss', { exact: true })).toBeVisible();
  await expect(c.figure('Loss per epoch').locator('circle.stream-dot')).not.toHaveCount(0);
  await c.panel.screenshot({ path: '/tmp/charts.png' });

  // Hover (pointer or arrow keys) reads out the exact values under the cursor.
  const tooltip = c.figure('Loss per batch').locator('.stream-tooltip');
  const box = await axes.boundingBox();
  if (!box) throw new Error('the loss chart has no box');
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
  await expect(tooltip.locator('p')).toHaveText(/^Batch \d+$/);
  await expect(tooltip.getByRole('listitem').first()).toHaveText(/: \d+\.\d+/);
  await page.mouse.move(box.x - 30, box.y - 30);
  await expect(tooltip).toHaveCount(0);
  await axes.focus();
  await page.keyboard.press('ArrowRight');
  await expect(tooltip.locator('p')).toHaveText('Batch 1');
  await page.keyboard.press('ArrowRight');
  await expect(tooltip.locator('p')).toHaveText('Batch 2');
  await axes.blur();

  await c.open('Layer outputs');
  const histogram = c.figure('Outputs of conv1d');
  await expect(histogram.locator('rect.hist-bar')).toHaveCount(30);
  await expect(histogram).toContainText(/mean -?\d/);
  await expect(histogram).toContainText(/Zero \(dead ReLU\) \d/);
  await c.panel.screenshot({ path: '/tmp/charts-outputs.png' });

  await c.open('Pooling');
  const pooling = c.figure('Pooling windows of max_pooling1d');
  // 30 steps out of the Conv1D (kernel 3, valid), pool_size 2: 15 windows, each with its max.
  await expect(pooling.locator('.pool-window')).toHaveCount(15);
  await expect(pooling.locator('.pool-output')).toHaveCount(15);
  await expect(pooling.getByRole('img')).toHaveAttribute('aria-label', /30 steps in, 15 out/);
  await c.panel.screenshot({ path: '/tmp/charts-pooling.png' });

  // Training on: the loss chart gains the second epoch's points as they come.
  await c.open('Loss and runs');
  await t.button('Resume').click();
  await c.show();
  await expect.poll(() => c.linePoints('Loss per batch'), { timeout: 60_000 }).toBeGreaterThan(40);
  await t.expectStatus('Finished', 120_000);
  await c.open('Predictions');
  await expect(
    c.panel.getByRole('table', { name: /^Confusion matrix on \d+ validation samples/ }),
  ).toBeVisible();
  await c.panel.screenshot({ path: '/tmp/charts-confusion.png' });
  expect(consoleErrors).toEqual([]);
});

test('runs are kept: overlay an earlier run, rename it, delete one', async ({
  page,
  consoleErrors,
}) => {
  const t = new TrainingPage(page);
  const c = new ChartsPage(page);
  await t.goto();
  await t.chooseBackend('CPU');
  await t.setting('Epochs').fill('2');
  await t.setting('Batch size').fill('100');
  await t.setting('Learning rate').fill('0.05');
  await t.setting('Learning rate').blur();
  await t.button('Train').click();
  await t.expectStatus('Finished', 120_000);
  await expect(c.runs.getByRole('listitem')).toHaveCount(1);

  await t.setting('Learning rate').fill('0.2');
  await t.setting('Learning rate').blur();
  await t.button('Train').click();
  await t.expectStatus('Finished', 120_000);
  await expect(c.runs.getByRole('listitem')).toHaveCount(2);
  await expect(c.run('Run 2')).toContainText('(on screen)');

  const chart = 'Loss per epoch';
  await c.show();
  await expect(c.lines(chart)).toHaveCount(2);
  await c.panel.getByRole('checkbox', { name: 'Overlay Run 1' }).check();
  await expect(c.lines(chart)).toHaveCount(4);
  await expect(c.legend(chart)).toContainText([
    'Train',
    'Validation',
    'Run 1 train',
    'Run 1 validation',
  ]);
  await expect(c.lines('Loss per batch')).toHaveCount(3); // raw, smoothed, and Run 1
  await c.panel.screenshot({ path: '/tmp/charts-runs.png' });

  // The circle data is 2-D classification: the worker predicted a 40 × 40 grid for the boundary.
  await c.open('Predictions');
  const boundary = c.figure('Decision boundary');
  const cells = boundary.locator('image.decision-cells');
  await expect(cells).toHaveAttribute('data-cells', '1600');
  // The picture itself: 40 × 40 cells, in more than one colour (the regions of two classes).
  const picture = await cells.evaluate(async (el) => {
    const img = new Image();
    img.src = el.getAttribute('href') ?? '';
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx?.drawImage(img, 0, 0);
    const px = ctx?.getImageData(0, 0, img.width, img.height).data ?? new Uint8ClampedArray();
    const colours = new Set<number>();
    for (let i = 0; i < px.length; i += 4)
      colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
    return { width: img.width, height: img.height, colours: colours.size };
  });
  expect(picture).toMatchObject({ width: 40, height: 40 });
  expect(picture.colours).toBeGreaterThan(1);
  await expect(boundary.locator('circle')).not.toHaveCount(0);
  await c.panel.screenshot({ path: '/tmp/charts-boundary.png' });
  await c.open('Loss and runs');

  await c.button('Rename Run 1').click();
  await c.panel.getByRole('textbox', { name: 'New name for Run 1' }).fill('lr 0.05');
  await c.panel.getByRole('textbox', { name: 'New name for Run 1' }).press('Enter');
  await expect(c.legend(chart)).toContainText(['lr 0.05 train']);
  await expect(c.run('lr 0.05')).toContainText(/Learning rate 0\.05/i);

  await c.button('Delete Run 2').click();
  await expect(c.runs.getByRole('listitem')).toHaveCount(1);
  await c.button('Delete lr 0.05').click();
  await expect(c.runs).toHaveCount(0);
  await expect(c.lines(chart)).toHaveCount(2);
  expect(consoleErrors).toEqual([]);
});

test('the activation explorer loads tfjs on demand and draws selu with its derivative', async ({
  page,
  consoleErrors,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const t = new TrainingPage(page);
  const c = new ChartsPage(page);
  await t.goto();
  const before = scripts.length;
  await c.open('Activation explorer');
  await c.panel.getByRole('combobox', { name: 'Activation' }).selectOption('selu');
  const figure = c.figure('selu and its derivative');
  await expect.poll(() => c.linePoints('selu and its derivative', 0)).toBeGreaterThan(300);
  expect(await c.linePoints('selu and its derivative', 1)).toBeGreaterThan(300);
  await expect(figure).toContainText('1.0507');
  await expect(c.legend('selu and its derivative')).toContainText(['f(x)', 'f′(x) (tf.grad)']);
  // tfjs came with the explorer, not with the page.
  expect(scripts.length).toBeGreaterThan(before);

  // An end takes effect when committed (Enter); the pair is judged on the ends in use.
  const from = c.panel.getByRole('spinbutton', { name: 'From' });
  await from.fill('6');
  await from.press('Enter');
  await expect(c.panel.getByRole('alert')).toContainText("'From' must be less than 'To'");
  await from.fill('60');
  await expect(from).toHaveAccessibleDescription('From must be a number from -50 to 50.');
  await from.fill('-2');
  await from.press('Enter');
  await expect(c.panel.getByRole('alert')).toHaveCount(0);
  await c.panel.getByRole('combobox', { name: 'Activation' }).selectOption({ label: 'LeakyReLU' });
  await expect(c.panel.getByRole('slider', { name: 'Alpha' })).toBeVisible();
  await expect(c.figure('LeakyReLU and its derivative')).toBeVisible();
  await c.panel.screenshot({ path: '/tmp/charts-explorer.png' });
  expect(consoleErrors).toEqual([]);
});

test('charts out of view stop redrawing while training and catch up when seen again', async ({
  page,
  consoleErrors,
}) => {
  const t = new TrainingPage(page);
  const c = new ChartsPage(page);
  const chart = 'Loss per batch';
  await t.goto();
  await t.chooseBackend('CPU');
  // As many epochs as allowed: the run must outlast every step below on a fast machine.
  await t.quickRun(10_000);
  await t.button('Train').click();
  await c.show();
  await expect.poll(() => c.linePoints(chart), { timeout: 60_000 }).toBeGreaterThan(4);

  // The page's top: the charts are below the fold, and training goes on.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(c.figure(chart)).not.toBeInViewport();
  await page.waitForTimeout(500); // a redraw already under way may land
  const line = c.lines(chart).first();
  const frozen = await line.getAttribute('d');
  const batches = await t.batchesDone();
  await expect.poll(() => t.batchesDone(), { timeout: 60_000 }).toBeGreaterThan(batches + 20);
  expect(await line.getAttribute('d')).toBe(frozen);

  // Seen again: one redraw brings the chart up to the batches trained meanwhile. It holds a
  // fixed number of points however long the run, so its last batch tells, not its point count.
  await c.show();
  await expect(line).not.toHaveAttribute('d', frozen ?? '');
  expect(await c.lastX(chart)).toBeGreaterThan(batches + 20);
  await t.button('Stop').click();
  await t.expectStatus('Stopped');
  expect(consoleErrors).toEqual([]);
});
