import { test, expect } from './fixtures';
import { layer } from './pages/timeline';

// The timeline on the LSTM forecaster, a Conv1D classifier and a Conv2D image model (the MLP is
// e2e/timeline.spec.ts): small data, 2 epochs on WASM, scrubbed back to epoch 1.
test.describe.configure({ timeout: 150_000 });

const rnn = { activation: 'tanh', recurrent_activation: 'sigmoid', use_bias: true };

test('LSTM forecaster: gate saturation per gate over epochs, and saliency over the window', async ({
  page,
  charts,
  timeline,
}) => {
  await timeline.trainAndScrubToEpochOne({
    layers: [
      layer('a', 'Input', { shape: [24, 1] }),
      layer('b', 'LSTM', { units: 16, ...rnn, return_sequences: false }),
      layer('c', 'Dense', { units: 1, activation: 'linear', use_bias: true }),
    ],
    data: { id: 'sine', samples: 200 },
    batchSize: 64,
    learningRate: 0.02,
  });
  await timeline.show('Gate saturation (LSTM/GRU)');
  await expect(
    page.getByRole('img', {
      name: "lstm: share of each gate's activations saturated, over epochs",
    }),
  ).toBeVisible();
  await expect(timeline.summary('gate')).toContainText(
    /^lstm: \d+% of \S+ activations saturated at epoch 1/,
  );
  await expect(page.getByRole('region', { name: 'lstm gate saturation' })).toContainText(
    'forget gate',
  );
  await charts.panel.screenshot({ path: test.info().outputPath('timeline-gates.png') });
  await timeline.expectAxeClean('gate saturation');
  await timeline.explain();
  await expect(
    page.getByRole('img', { name: /^Saliency of window 1 over 24 time steps/ }),
  ).toBeVisible();
});

test('Conv1D classifier: filters as pictures, the embedding and its layer choice, a window strip', async ({
  page,
  training,
  timeline,
}) => {
  await timeline.trainAndScrubToEpochOne({
    layers: [
      layer('a', 'Input', { shape: [32, 1] }),
      layer('b', 'Conv1D', { filters: 8, kernel_size: 3, activation: 'relu' }),
      layer('c', 'MaxPooling1D', { pool_size: 2 }),
      layer('d', 'Flatten', {}),
      layer('e', 'Dense', { units: 4, activation: 'softmax', use_bias: true }),
    ],
    data: { id: 'waveforms', samples: 200 },
    batchSize: 50,
    learningRate: 0.01,
  });
  await timeline.show('Weights over time');
  await expect(page.getByRole('img', { name: 'conv1d filter 1 at epoch 1' })).toBeVisible();
  await timeline.show('Embedding (PCA)');
  await expect(timeline.summary('embedding')).toContainText(/^flatten at epoch 1: .*classes lie/);
  // A different layer applies from the next run, and the view says so.
  const choice = page.getByRole('combobox', { name: 'Embedding layer' });
  const note = page.getByTestId('embedding-layer-note');
  await expect(note).toContainText('This run projects flatten');
  await timeline.expectAxeClean('embedding');
  await choice.selectOption({ label: 'conv1d' });
  await expect(note).toHaveText(
    'Applies from the next run: this run projects flatten, the next will project conv1d.',
  );
  await training.button('Train').click();
  await training.expectStatus('Finished');
  await expect(timeline.summary('embedding')).toContainText(/^conv1d at epoch 2/);
  await expect(note).toContainText('This run projects conv1d');
  await timeline.explain();
  await expect(
    page.getByRole('img', { name: /^Saliency of window 1 over 32 time steps/ }),
  ).toBeVisible();
});

test('image model: Conv2D filters, digits pulling apart in the embedding, a saliency heatmap; axe clean', async ({
  page,
  charts,
  timeline,
}) => {
  await timeline.trainAndScrubToEpochOne({
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
    data: { id: 'pixel-digits', samples: 300 },
    batchSize: 50,
    learningRate: 0.01,
  });
  await timeline.show('Weights over time');
  await expect(page.getByRole('img', { name: 'conv2d filter 1 at epoch 1' })).toBeVisible();
  await timeline.show('Embedding (PCA)');
  await expect(timeline.summary('embedding')).toContainText(/^flatten at epoch 1: .*classes lie/);
  await timeline.explain();
  await expect(page.getByRole('img', { name: /^Saliency of sample 1 \(/ })).toBeVisible();
  await charts.panel.screenshot({ path: test.info().outputPath('timeline-image-saliency.png') });
  await timeline.expectAxeClean('saliency');
});
