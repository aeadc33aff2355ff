import { test, expect } from './fixtures';
import { linkTo } from './pages/share';
import type { TrainingPage } from './pages/training';

// The figures a finished or failed run leaves on screen, from short runs on the CPU backend.
test.describe.configure({ timeout: 150_000 });

const layer = (id: string, kind: string, params: Record<string, unknown>) => ({ id, kind, params });
const dense = (id: string, units: number, activation: string) =>
  layer(id, 'Dense', { units, activation, use_bias: true });

/** Significant digits of a figure as shown: zeros that only place the point do not count. */
const significant = (figure: string) =>
  figure
    .replace(/^-/, '')
    .replace(/e[-+]\d+$/, '')
    .replace('.', '')
    .replace(/^0+|0+$/g, '').length;

const FIGURE = /-?\d+(?:\.\d+)?(?:e[-+]\d+)?/g;

/** Every figure in `text`, each with at most four significant digits. */
function expectShortFigures(text: string) {
  const figures = text.match(FIGURE) ?? [];
  expect(figures.length, text).toBeGreaterThan(0);
  for (const f of figures) expect(significant(f), `${f} in "${text}"`).toBeLessThanOrEqual(4);
}

/** A regression experiment on the plane set (inputs z-scored, the default), opened as a link. */
async function openRegression(t: TrainingPage, settings: Record<string, unknown>) {
  const { page } = t;
  await page.goto(
    linkTo({
      v: 1,
      model: {
        layers: [
          layer('a', 'Input', { shape: [2] }),
          dense('b', 16, 'relu'),
          dense('c', 1, 'linear'),
        ],
      },
      data: { source: 'builtin', id: 'plane', prepare: { normalisation: 'zscore' } },
      training: { backend: 'cpu', metrics: ['mae'], ...settings },
    }),
  );
  await expect(t.badge).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(page.locator('.share-banners').getByRole('alert')).toHaveCount(0);
}

test('a short run ends with its true speed and elapsed time', async ({ training }) => {
  await training.goto();
  await training.chooseBackend('CPU');
  await expect(training.badge).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await training.setting('Epochs').fill('3');
  await training.setting('Epochs').blur();
  await training.button('Train').click();
  await training.expectStatus('Finished');
  await expect(training.field('Epoch')).toHaveText('3 / 3');
  // Samples over elapsed time, however short the run was.
  const rate = (await training.field('Samples/s').textContent()) ?? '';
  expect(Number(rate.replace(/k$/, 'e3'))).toBeGreaterThan(0);
  // Under ten seconds the elapsed time keeps its fraction ("0.18 s", "4.5 s").
  await expect(training.field('Elapsed')).toHaveText(/^(\d\.\d{1,2} s|\d{2,} s|\d+ min \d\d s)$/);
  await expect(training.field('Elapsed')).not.toHaveText(/^0(\.0+)? s$/);
  expectShortFigures((await training.field('Latest loss').textContent()) ?? '');
});

test('fit quality, losses and the run list show no more digits than they mean', async ({
  training,
  charts,
}) => {
  await openRegression(training, { epochs: 3, batchSize: 32, learningRate: 0.02 });
  await training.button('Train').click();
  await training.expectStatus('Finished');
  for (const field of ['First loss', 'Latest loss', 'Validation loss']) {
    expectShortFigures((await training.field(field).textContent()) ?? '');
  }
  await charts.showPredictions();
  const caption = charts.figure('Predicted against actual values').locator('figcaption');
  await expect(caption).toContainText(/mean absolute error \d.*, R² -?\d/);
  const quality = /mean absolute error (.*)\.$/.exec((await caption.textContent()) ?? '')?.[1];
  expectShortFigures(quality ?? '');
  await charts.show();
  const run = charts.runs.getByRole('listitem').first();
  await expect(run).toContainText(/· loss \d/);
  const losses = /· loss .*/.exec((await run.locator('.run-meta').textContent()) ?? '')?.[0];
  expectShortFigures(losses ?? '');
});

test('advice after a divergence leaves out z-scores when they are already on', async ({
  training,
}) => {
  // Plain SGD at the highest learning rate the settings allow overshoots on every step.
  await openRegression(training, {
    optimizer: 'sgd',
    learningRate: 10,
    epochs: 50,
    batchSize: 16,
    loss: 'mse',
  });
  await training.button('Train').click();
  await training.expectStatus('Stopped: the loss diverged');
  const alert = training.panel.getByRole('alert');
  await expect(alert).toContainText(/^The loss became (NaN \(not a number\)|infinite) at epoch/);
  await expect(alert).toContainText('Try a lower learning rate (it is 10; try 1)');
  await expect(alert).toContainText('clip gradients (in the training settings)');
  await expect(alert).not.toContainText(/normalise|z-score/);
});
