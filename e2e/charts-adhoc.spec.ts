import { test, expect } from './fixtures';
import { BuilderPage } from './pages/builder';
import { ChartsPage } from './pages/charts';
import { DatasetPage } from './pages/dataset';
import { TrainingPage } from './pages/training';

test.describe.configure({ timeout: 300_000 });

test('adhoc: forecasting predictions', async ({ page }) => {
  const t = new TrainingPage(page);
  const c = new ChartsPage(page);
  const d = new DatasetPage(page);
  await t.goto();
  await new BuilderPage(page).loadTemplate('LSTM forecaster');
  await d.choose('Sine');
  await d.button('Use data shape').click();
  await t.chooseBackend('CPU');
  await t.setting('Epochs').fill('2');
  await t.setting('Learning rate').fill('0.01');
  await t.setting('Learning rate').blur();
  await t.button('Train').click();
  await page.waitForTimeout(3000);
  console.log('TRAINING', await t.panel.innerText());
  await t.expectStatus('Finished', 200_000);
  await c.open('Predictions');
  await expect(c.figure('Predicted and actual values')).toBeVisible();
  await c.panel.screenshot({ path: '/tmp/adhoc-forecast.png' });
});

test('adhoc: 2-D pooling', async ({ page }) => {
  const t = new TrainingPage(page);
  const c = new ChartsPage(page);
  const d = new DatasetPage(page);
  const b = new BuilderPage(page);
  await t.goto();
  await d.choose('8×8 digits');
  await d.button('Use data shape').click();
  await d.button('Add Flatten after the Input').click();
  await b.select('input_layer (InputLayer)');
  await b.paletteItem('MaxPooling2D').click();
  await page.getByRole('button', { name: /^Set the last Dense to/ }).click();
  await t.chooseBackend('CPU');
  await t.setting('Epochs').fill('1');
  await t.button('Train').click();
  await t.expectStatus('Finished', 200_000);
  await c.open('Pooling');
  await expect(c.figure('Feature maps of max_pooling2d')).toBeVisible();
  await c.panel.screenshot({ path: '/tmp/adhoc-pool2d.png' });
});

test('adhoc: long tasks while training with charts open', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const t = new TrainingPage(page);
  const c = new ChartsPage(page);
  await t.goto();
  await t.chooseBackend('CPU');
  await t.setting('Epochs').fill('30');
  await t.setting('Batch size').fill('1');
  await t.setting('Batch size').blur();
  await c.figure('Loss per batch').scrollIntoViewIfNeeded().catch(() => {});
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  await t.button('Train').click();
  await page.waitForTimeout(40_000);
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const batches = await t.batchesDone();
  console.log('batches', batches, 'long tasks', tasks.length, 'max', Math.max(0, ...tasks).toFixed(0), tasks.map((x) => x.toFixed(0)).join(','));
  await c.panel.screenshot({ path: '/tmp/adhoc-long.png' });
  await t.button('Stop').click();
});
