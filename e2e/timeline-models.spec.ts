import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { ChartsPage } from './pages/charts';
import { linkTo } from './pages/share';
import type { TrainingPage } from './pages/training';

// The timeline on the LSTM forecaster, a Conv1D classifier and a Conv2D image model (the MLP is
// e2e/timeline.spec.ts): small data, 2 epochs on WASM, scrubbed back to epoch 1.
test.describe.configure({ timeout: 150_000 });

const layer = (id: string, kind: string, params: Record<string, unknown>) => ({ id, kind, params });
const rnn = { activation: 'tanh', recurrent_activation: 'sigmoid', use_bias: true };

/**
 * Opens the experiment as a link and trains 2 epochs, pausing at the first epoch's end: a paused
 * epoch end always records its snapshot (a free-running one may be thinned, 250 ms apart).
 */
async function trainTwoEpochs(t: TrainingPage, doc: object) {
  const { page } = t;
  await page.goto(linkTo({ v: 1, ...doc }));
  await expect(t.badge).toHaveAttribute('data-backend', 'wasm', { timeout: 60_000 });
  await expect(page.locator('.share-banners').getByRole('alert')).toHaveCount(0);
  await t.button('Step one epoch').click();
  await expect(t.field('Epoch')).toHaveText('1 / 2', { timeout: 60_000 });
  await t.expectStatus('Paused');
  await t.button('Resume').click();
  await t.expectStatus('Finished');
}

/** Opens the Timeline, checks a view's summary at the end, scrubs to epoch 1 and sees it change. */
async function scrubToEpochOne(page: Page, charts: ChartsPage) {
  await charts.show();
  await charts.open('Timeline');
  const slider = page
    .getByRole('region', { name: 'Training timeline' })
    .getByRole('slider', { name: 'Timeline epoch' });
  await expect(slider).toHaveAttribute('aria-valuetext', 'epoch 2');
  const weights = page.getByTestId('weight-summary');
  await expect(weights).toContainText('at epoch 2');
  const atEnd = await weights.textContent();
  await slider.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', 'epoch 1');
  await expect(weights).toContainText('at epoch 1');
  expect(await weights.textContent()).not.toBe(atEnd);
  const view = page.getByLabel('Timeline view');
  await view.selectOption({ label: 'Gradient norms' });
  await expect(page.getByTestId('gradient-summary')).toContainText('At epoch 1 the gradient norm');
  return view;
}

/** axe's default rules over the Timeline tab and its scrubber. */
async function expectAxeClean(page: Page, state: string) {
  const r = await new AxeBuilder({ page })
    .include('.chart-tabpanel')
    .include('.timeline-scrubber')
    .analyze();
  const found = r.violations.map((v) => ({
    rule: v.id,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  expect.soft(found, state).toEqual([]);
}

async function explain(page: Page) {
  await page.getByLabel('Timeline view').selectOption({ label: 'Saliency (which inputs matter)' });
  await page.getByRole('button', { name: 'Explain this prediction' }).click();
  await expect(page.getByTestId('saliency-summary')).toContainText(
    /^Explaining .* for validation sample 1\./,
  );
}

test('LSTM forecaster: gate saturation per gate over epochs, and saliency over the window', async ({
  page,
  training,
  charts,
}) => {
  await trainTwoEpochs(training, {
    model: {
      layers: [
        layer('a', 'Input', { shape: [24, 1] }),
        layer('b', 'LSTM', { units: 16, ...rnn, return_sequences: false }),
        layer('c', 'Dense', { units: 1, activation: 'linear', use_bias: true }),
      ],
    },
    data: { source: 'builtin', id: 'sine', samples: 200 },
    training: { epochs: 2, batchSize: 64, learningRate: 0.02, backend: 'wasm' },
  });
  const view = await scrubToEpochOne(page, charts);
  await view.selectOption({ label: 'Gate saturation (LSTM/GRU)' });
  await expect(
    page.getByRole('img', {
      name: "lstm: share of each gate's activations saturated, over epochs",
    }),
  ).toBeVisible();
  const gates = page.getByTestId('gate-summary');
  await expect(gates).toContainText(/^lstm: \d+% of \S+ activations saturated at epoch 1/);
  await expect(page.getByRole('region', { name: 'lstm gate saturation' })).toContainText(
    'forget gate',
  );
  await charts.panel.screenshot({ path: test.info().outputPath('timeline-gates.png') });
  await expectAxeClean(page, 'gate saturation');
  await explain(page);
  await expect(
    page.getByRole('img', { name: /^Saliency of window 1 over 24 time steps/ }),
  ).toBeVisible();
});

test('Conv1D classifier: filters as pictures, the embedding and its layer choice, a window strip', async ({
  page,
  training,
  charts,
}) => {
  await trainTwoEpochs(training, {
    model: {
      layers: [
        layer('a', 'Input', { shape: [32, 1] }),
        layer('b', 'Conv1D', { filters: 8, kernel_size: 3, activation: 'relu' }),
        layer('c', 'MaxPooling1D', { pool_size: 2 }),
        layer('d', 'Flatten', {}),
        layer('e', 'Dense', { units: 4, activation: 'softmax', use_bias: true }),
      ],
    },
    data: { source: 'builtin', id: 'waveforms', samples: 200 },
    training: { epochs: 2, batchSize: 50, learningRate: 0.01, backend: 'wasm' },
  });
  const view = await scrubToEpochOne(page, charts);
  await view.selectOption({ label: 'Weights over time' });
  await expect(page.getByRole('img', { name: 'conv1d filter 1 at epoch 1' })).toBeVisible();
  await view.selectOption({ label: 'Embedding (PCA)' });
  await expect(page.getByTestId('embedding-summary')).toContainText(
    /^flatten at epoch 1: .*classes lie/,
  );
  // A different layer applies from the next run, and the view says so.
  const choice = page.getByRole('combobox', { name: 'Embedding layer' });
  const note = page.getByTestId('embedding-layer-note');
  await expect(note).toContainText('This run projects flatten');
  await expectAxeClean(page, 'embedding');
  await choice.selectOption({ label: 'conv1d' });
  await expect(note).toHaveText(
    'Applies from the next run: this run projects flatten, the next will project conv1d.',
  );
  await training.button('Train').click();
  await training.expectStatus('Finished');
  await expect(page.getByTestId('embedding-summary')).toContainText(/^conv1d at epoch 2/);
  await expect(note).toContainText('This run projects conv1d');
  await explain(page);
  await expect(
    page.getByRole('img', { name: /^Saliency of window 1 over 32 time steps/ }),
  ).toBeVisible();
});

test('image model: Conv2D filters, digits pulling apart in the embedding, a saliency heatmap; axe clean', async ({
  page,
  training,
  charts,
}) => {
  await trainTwoEpochs(training, {
    model: {
      layers: [
        layer('a', 'Input', { shape: [8, 8, 1] }),
        layer('b', 'Conv2D', {
          filters: 4,
          kernel_size: [3, 3],
          padding: 'same',
          activation: 'relu',
        }),
        layer('c', 'MaxPooling2D', { pool_size: [2, 2] }),
        layer('d', 'Flatten', {}),
        layer('e', 'Dense', { units: 10, activation: 'softmax', use_bias: true }),
      ],
    },
    data: { source: 'builtin', id: 'pixel-digits', samples: 300 },
    training: { epochs: 2, batchSize: 50, learningRate: 0.01, backend: 'wasm' },
  });
  const view = await scrubToEpochOne(page, charts);
  await view.selectOption({ label: 'Weights over time' });
  await expect(page.getByRole('img', { name: 'conv2d filter 1 at epoch 1' })).toBeVisible();
  await view.selectOption({ label: 'Embedding (PCA)' });
  await expect(page.getByTestId('embedding-summary')).toContainText(
    /^flatten at epoch 1: .*classes lie/,
  );
  await explain(page);
  await expect(page.getByRole('img', { name: /^Saliency of sample 1 \(/ })).toBeVisible();
  await charts.panel.screenshot({ path: test.info().outputPath('timeline-image-saliency.png') });
  await expectAxeClean(page, 'saliency');
});
