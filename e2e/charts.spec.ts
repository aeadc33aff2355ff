import { test, expect } from './fixtures';

// Small models on the CPU backend (software WebGPU is slow here), at most 2 epochs.
test.describe.configure({ timeout: 150_000 });

test('during training the loss chart gains points, and layer outputs and pooling show data', async ({
  page,
  training,
  charts,
  dataset,
  builder,
}) => {
  await training.goto();
  await builder.loadTemplate('Conv1D + MaxPooling1D classifier');
  await dataset.choose('Which waveform?');
  await expect(dataset.shape('X shape')).toHaveText('[400, 32, 1]');
  await dataset.button('Use data shape').click();
  await expect(dataset.checks.getByRole('button')).toHaveCount(0);
  await training.chooseBackend('CPU');
  await training.setting('Epochs').fill('2');
  await training.setting('Batch size').fill('8');
  await training.setting('Batch size').blur();

  // One epoch, then a pause: the charts show a run in progress whatever the machine's speed.
  await training.button('Step one epoch').click();
  await training.expectStatus('Paused');
  await expect(training.field('Batch')).toHaveText('40 / 40');
  await charts.figure('Loss per batch').scrollIntoViewIfNeeded();
  await expect.poll(() => charts.linePoints('Loss per batch')).toBe(40);
  const axes = charts.figure('Loss per batch').getByRole('img', { name: 'Loss per batch' });
  await expect(axes.getByText('Batch', { exact: true })).toBeVisible();
  await expect(axes.getByText('Loss', { exact: true })).toBeVisible();
  // Few points per epoch: each is marked with a dot.
  await expect(
    charts.figure('Loss per epoch').getByRole('img', { name: 'Loss per epoch' }),
  ).toHaveAttribute('data-dots', 'true');
  await expect(charts.figure('Loss per epoch').locator('canvas')).not.toHaveCount(0);
  await charts.panel.screenshot({ path: '/tmp/charts.png' });

  // Hover (pointer or arrow keys) reads out the exact values under the cursor.
  const tooltip = charts.figure('Loss per batch').locator('.stream-tooltip');
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

  await charts.open('Layer outputs');
  const histogram = charts.figure('Outputs of conv1d');
  await expect(histogram.locator('rect.hist-bar')).toHaveCount(30);
  await expect(histogram).toContainText(/mean -?\d/);
  await expect(histogram).toContainText(/Zero \(dead ReLU\) \d/);
  await charts.panel.screenshot({ path: '/tmp/charts-outputs.png' });

  await charts.open('Pooling');
  const pooling = charts.figure('Pooling windows of max_pooling1d');
  // 30 steps out of the Conv1D (kernel 3, valid), pool_size 2: 15 windows, each with its max.
  await expect(pooling.locator('.pool-window')).toHaveCount(15);
  await expect(pooling.locator('.pool-output')).toHaveCount(15);
  await expect(pooling.getByRole('img')).toHaveAttribute('aria-label', /30 steps in, 15 out/);
  await charts.panel.screenshot({ path: '/tmp/charts-pooling.png' });

  // Training on: the loss chart gains the second epoch's points as they come.
  await charts.open('Loss and runs');
  await charts.show();
  const canvas = await charts.figure('Loss per batch').locator('canvas').first().elementHandle();
  await training.button('Resume').click();
  await expect
    .poll(() => charts.linePoints('Loss per batch'), { timeout: 60_000 })
    .toBeGreaterThan(40);
  // New points are drawn on the same canvas: the plot is not rebuilt at each redraw.
  expect(await canvas?.evaluate((c) => c.isConnected)).toBe(true);
  await training.expectStatus('Finished', 120_000);
  // The predictions have a panel of their own beside the charts, not a tab.
  await expect(charts.panel.getByRole('tab', { name: 'Predictions' })).toHaveCount(0);
  await charts.showPredictions();
  await expect(
    charts.predictions.getByRole('table', { name: /^Confusion matrix on \d+ validation samples/ }),
  ).toBeVisible();
  await charts.predictions.screenshot({ path: '/tmp/charts-confusion.png' });
});

test('runs are kept: overlay an earlier run, rename it, delete one', async ({
  training,
  charts,
}) => {
  await training.goto();
  await training.chooseBackend('CPU');
  await training.setting('Epochs').fill('2');
  await training.setting('Batch size').fill('100');
  await training.setting('Learning rate').fill('0.05');
  await training.setting('Learning rate').blur();
  await training.button('Train').click();
  await training.expectStatus('Finished', 120_000);
  await expect(charts.runs.getByRole('listitem')).toHaveCount(1);

  await training.setting('Learning rate').fill('0.2');
  await training.setting('Learning rate').blur();
  await training.button('Train').click();
  await training.expectStatus('Finished', 120_000);
  await expect(charts.runs.getByRole('listitem')).toHaveCount(2);
  await expect(charts.run('Run 2')).toContainText('(on screen)');

  const chart = 'Loss per epoch';
  await charts.show();
  await expect(charts.lines(chart)).toHaveCount(2);
  await charts.panel.getByRole('checkbox', { name: 'Overlay Run 1' }).check();
  await expect(charts.lines(chart)).toHaveCount(4);
  await expect(charts.legend(chart)).toContainText([
    'Train',
    'Validation',
    'Run 1 train',
    'Run 1 validation',
  ]);
  await expect(charts.lines('Loss per batch')).toHaveCount(3); // raw, smoothed, and Run 1
  await charts.panel.screenshot({ path: '/tmp/charts-runs.png' });

  // The circle data is 2-D classification: the worker predicted a 40 × 40 grid for the boundary.
  await charts.showPredictions();
  const boundary = charts.figure('Decision boundary');
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
  await charts.predictions.screenshot({ path: '/tmp/charts-boundary.png' });
  await charts.show();

  await charts.button('Rename Run 1').click();
  await charts.panel.getByRole('textbox', { name: 'New name for Run 1' }).fill('lr 0.05');
  await charts.panel.getByRole('textbox', { name: 'New name for Run 1' }).press('Enter');
  await expect(charts.legend(chart)).toContainText(['lr 0.05 train']);
  await expect(charts.run('lr 0.05')).toContainText(/Learning rate 0\.05/i);

  await charts.button('Delete Run 2').click();
  await expect(charts.runs.getByRole('listitem')).toHaveCount(1);
  await charts.button('Delete lr 0.05').click();
  await expect(charts.runs).toHaveCount(0);
  await expect(charts.lines(chart)).toHaveCount(2);
});

test('the activation explorer draws selu with its derivative and loads no tfjs on the page', async ({
  page,
  scripts,
  training,
  charts,
}) => {
  await training.goto();
  await charts.open('Activation explorer');
  await charts.panel.getByRole('combobox', { name: 'Activation' }).selectOption('selu');
  const figure = charts.figure('selu and its derivative');
  await expect.poll(() => charts.linePoints('selu and its derivative', 0)).toBeGreaterThan(300);
  expect(await charts.linePoints('selu and its derivative', 1)).toBeGreaterThan(300);
  await expect(figure).toContainText('1.0507');
  await expect(charts.legend('selu and its derivative')).toContainText(['f(x)', 'f′(x)']);
  // The curves are closed forms: neither the explorer's chunk nor any other script the page ran
  // holds tfjs (the trainer worker, off the page, is the only place it loads).
  // The worker's own chunks (its entry, and the wasm set-up Auto starts it with) are not the page's.
  const pageScripts = scripts.filter((s) => !/(\.worker-|\/wasm-setup-)[^/]*\.js$/.test(s));
  expect(pageScripts.some((s) => /\/ActivationExplorer-[^/]*\.js$/.test(s))).toBe(true);
  // The main-thread engine (the fallback when no worker starts) never loaded.
  expect(pageScripts.filter((s) => /\/engine-[^/]*\.js$/.test(s))).toEqual([]);
  for (const path of pageScripts) {
    const text = await (await page.request.get(path)).text();
    expect(text.includes('not registered for backend'), `${path} holds tfjs`).toBe(false);
  }

  // An end takes effect when committed (Enter); the pair is judged on the ends in use.
  const from = charts.panel.getByRole('spinbutton', { name: 'From' });
  await from.fill('6');
  await from.press('Enter');
  await expect(charts.panel.getByRole('alert')).toContainText("'From' must be less than 'To'");
  await from.fill('60');
  await expect(from).toHaveAccessibleDescription('From must be a number from -50 to 50.');
  await from.fill('-2');
  await from.press('Enter');
  await expect(charts.panel.getByRole('alert')).toHaveCount(0);
  await charts.panel
    .getByRole('combobox', { name: 'Activation' })
    .selectOption({ label: 'LeakyReLU' });
  await expect(charts.panel.getByRole('slider', { name: 'Alpha' })).toBeVisible();
  await expect(charts.figure('LeakyReLU and its derivative')).toBeVisible();
  await charts.panel.screenshot({ path: '/tmp/charts-explorer.png' });
});

test('charts out of view stop redrawing while training and catch up when seen again', async ({
  page,
  training,
  charts,
}) => {
  const chart = 'Loss per batch';
  // A tablet-sized window, where the page scrolls and the charts come below the fold (from
  // 1200 px wide they sit beside the Train button, always in sight).
  await page.setViewportSize({ width: 1100, height: 720 });
  await training.goto();
  await training.chooseBackend('CPU');
  // As many epochs as allowed: the run must outlast every step below on a fast machine.
  await training.quickRun(10_000);
  await training.button('Train').click();
  await charts.show();
  await expect.poll(() => charts.linePoints(chart), { timeout: 60_000 }).toBeGreaterThan(4);

  // The page's top: the charts are below the fold, and training goes on.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(charts.figure(chart)).not.toBeInViewport();
  await page.waitForTimeout(500); // a redraw already under way may land
  const line = charts.lines(chart).first();
  const frozen = (await line.textContent()) ?? '';
  const batches = await training.batchesDone();
  await expect
    .poll(() => training.batchesDone(), { timeout: 60_000 })
    .toBeGreaterThan(batches + 20);
  expect(await line.textContent()).toBe(frozen);

  // Seen again: one redraw brings the chart up to the batches trained meanwhile. It holds a
  // fixed number of points however long the run, so its last batch tells, not its point count.
  await charts.show();
  await expect(line).not.toHaveText(frozen);
  expect(await charts.lastX(chart)).toBeGreaterThan(batches + 20);
  await training.button('Stop').click();
  await training.expectStatus('Stopped');
});
