import { test, expect } from './fixtures';
import { linkTo } from './pages/share';
import type { TrainingPage } from './pages/training';

// Experiments opened from links (as a shared link would), trained briefly on the CPU backend.
test.describe.configure({ timeout: 150_000 });

const layer = (id: string, kind: string, params: Record<string, unknown>) => ({ id, kind, params });

/** Opens the experiment as a link, checks nothing in it was refused, and trains it to the end. */
async function trainFromLink(t: TrainingPage, doc: object) {
  const { page } = t;
  await page.goto(linkTo({ v: 1, ...doc }));
  await expect(t.badge).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(page.locator('.share-banners').getByRole('alert')).toHaveCount(0);
  await t.button('Train').click();
  await t.expectStatus('Finished');
}

test('forecasting: predicted and actual values over the validation part of the series', async ({
  training,
  charts,
}) => {
  await trainFromLink(training, {
    model: {
      layers: [
        layer('a', 'Input', { shape: [24, 1] }),
        layer('b', 'LSTM', {
          units: 8,
          activation: 'tanh',
          recurrent_activation: 'sigmoid',
          use_bias: true,
          return_sequences: false,
          dropout: 0,
          recurrent_dropout: 0,
        }),
        layer('c', 'Dense', { units: 1, activation: 'linear', use_bias: true }),
      ],
    },
    // Windowing is left out: the link gets the sine generator's own (windows of 24 steps).
    data: { source: 'builtin', id: 'sine', samples: 300 },
    training: { epochs: 2, batchSize: 64, learningRate: 0.02, backend: 'cpu' },
  });
  await charts.showPredictions();
  const chart = charts.figure('Predicted and actual values');
  await expect(charts.lines('Predicted and actual values')).toHaveCount(2);
  await expect(charts.legend('Predicted and actual values')).toContainText(['Actual', 'Predicted']);
  // One point per validation window, in row order (a chronological split: the series' end).
  const caption = (await chart.textContent()) ?? '';
  const samples = Number(/(\d+) validation samples: mean absolute error \d/.exec(caption)?.[1]);
  expect(samples).toBeGreaterThan(20);
  expect(await charts.linePoints('Predicted and actual values')).toBe(samples);
  expect(await charts.linePoints('Predicted and actual values', 1)).toBe(samples);
  await charts.predictions.screenshot({ path: '/tmp/charts-forecast.png' });
});

test('2-D pooling: the feature map before and after MaxPooling2D, with its windows', async ({
  training,
  charts,
}) => {
  await trainFromLink(training, {
    model: {
      layers: [
        layer('a', 'Input', { shape: [8, 8, 1] }),
        layer('b', 'Conv2D', {
          filters: 4,
          kernel_size: [3, 3],
          strides: [1, 1],
          padding: 'same',
          activation: 'relu',
          use_bias: true,
        }),
        layer('c', 'MaxPooling2D', { pool_size: [2, 2], strides: null, padding: 'valid' }),
        layer('d', 'Flatten', {}),
        layer('e', 'Dense', { units: 10, activation: 'softmax', use_bias: true }),
      ],
    },
    data: { source: 'builtin', id: 'pixel-digits', samples: 300 },
    training: { epochs: 1, batchSize: 50, backend: 'cpu' },
  });
  await charts.open('Pooling');
  const maps = charts.figure('Feature maps of max_pooling2d');
  await expect(maps).toBeVisible();
  const before = maps.getByRole('img', { name: /^max_pooling2d input, channel 0: 8×8/ });
  const after = maps.getByRole('img', { name: /^max_pooling2d output, channel 0: 4×4/ });
  // 64 cells before, 16 windows of 2×2 outlined on them; 16 cells after.
  await expect(before.locator('rect:not(.window-outline):not(.pad-area)')).toHaveCount(64);
  await expect(before.locator('rect.window-outline')).toHaveCount(16);
  await expect(after.locator('rect')).toHaveCount(16);
  await expect(maps).toContainText('max over each outlined window');
  await charts.panel.screenshot({ path: '/tmp/charts-pooling2d.png' });
});
