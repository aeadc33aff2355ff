// The reference workloads (issue #8's three, and issue #18's MNIST CNN), described once and
// given to both pages: the app builds them through its store actions, the bare page through
// plain tf.layers.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const BATCH_SIZE = 64;
export const SEED = 1;
export const LEARNING_RATE = 0.01;

/** A seeded PRNG (mulberry32), so the MLP's CSV is the same on every run and machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 16 features in [-1, 1] and a smooth nonlinear target, as a user's CSV would bring them. */
export function mlpCsv(rows, seed = SEED) {
  const rand = random(seed);
  const names = Array.from({ length: 16 }, (_, i) => `x${i + 1}`);
  const lines = [[...names, 'y'].join(',')];
  for (let r = 0; r < rows; r++) {
    const x = names.map(() => rand() * 2 - 1);
    const y = x.reduce((s, v, i) => s + (i % 2 ? -0.3 : 0.5) * v, 0) + Math.sin(3 * x[0] * x[1]);
    lines.push([...x, y + (rand() - 0.5) * 0.1].map((v) => v.toFixed(5)).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Windows of a noisy sine: `samples` time steps minus one window (and one step ahead). */
const sineWindows = (count, length) => ({
  source: 'builtin',
  id: 'sine',
  samples: count + length,
  noise: 0.1,
  seed: SEED,
  period: 25,
  prepare: {
    validationSplit: 0,
    windowing: { enabled: true, length, stride: 1, mode: 'forecast', horizon: 1 },
  },
});

/**
 * The shipped MNIST files as the app's data pipeline reads them (src/data/shipped-text.ts): both
 * IDX files inflated and joined, here one byte per character so they pass page.evaluate (the
 * bare page turns them back into bytes: `binary`). The app fetches and inflates its own copy;
 * the bare page gets these bytes, so both prepare the same images.
 */
let mnist = null;
export function mnistText() {
  const read = (f) => gunzipSync(readFileSync(new URL(`../../public/data/${f}`, import.meta.url)));
  mnist ??= Buffer.concat([
    read('mnist-10k-images-idx3-ubyte.gz'),
    read('mnist-10k-labels-idx1-ubyte.gz'),
  ]).toString('latin1');
  return mnist;
}

/** The "MNIST CNN" template's layers (src/core/templates.ts). */
export const MNIST_CNN_LAYERS = [
  ['Input', { shape: [28, 28, 1] }],
  ['Conv2D', { filters: 16, kernel_size: [3, 3], activation: 'relu' }],
  ['MaxPooling2D', { pool_size: [2, 2] }],
  ['Conv2D', { filters: 32, kernel_size: [3, 3], activation: 'relu' }],
  ['MaxPooling2D', { pool_size: [2, 2] }],
  ['Flatten', {}],
  ['Dense', { units: 64, activation: 'relu' }],
  ['Dense', { units: 10, activation: 'softmax' }],
];

export const WORKLOADS = {
  mlp: {
    title: 'MLP 16-64-64-1',
    samples: 4096,
    params: 5313,
    layers: [
      ['Input', { shape: [16] }],
      ['Dense', { units: 64, activation: 'relu' }],
      ['Dense', { units: 64, activation: 'relu' }],
      ['Dense', { units: 1, activation: 'linear' }],
    ],
    dataset: (n) => ({
      config: { source: 'csv', fileName: 'bench-mlp16.csv', prepare: { validationSplit: 0 } },
      csvText: mlpCsv(n),
    }),
  },
  lstm: {
    title: 'LSTM(32)-Dense(1)',
    samples: 1024,
    params: 4385,
    layers: [
      ['Input', { shape: [32, 1] }],
      ['LSTM', { units: 32 }],
      ['Dense', { units: 1, activation: 'linear' }],
    ],
    dataset: (n) => ({ config: sineWindows(n, 32), csvText: null }),
  },
  conv: {
    title: 'Conv1D(16,3)-MaxPool1D(2)-Flatten-Dense(1)',
    samples: 1024,
    params: 561,
    layers: [
      ['Input', { shape: [64, 1] }],
      ['Conv1D', { filters: 16, kernel_size: 3 }],
      ['MaxPooling1D', { pool_size: 2 }],
      ['Flatten', {}],
      ['Dense', { units: 1, activation: 'linear' }],
    ],
    dataset: (n) => ({ config: sineWindows(n, 64), csvText: null }),
  },
  mnist: {
    title: 'MNIST CNN (Conv2D-MaxPool2D ×2, Dense 64, Dense 10)',
    samples: 2048,
    params: 56714,
    layers: MNIST_CNN_LAYERS,
    // The first n real MNIST images; mse like the other workloads, so app and bare compare alike.
    dataset: (n) => ({
      config: { source: 'shipped', id: 'mnist', limit: n, prepare: { validationSplit: 0 } },
      csvText: mnistText(),
      binary: true,
    }),
  },
};

export const WORKLOAD_IDS = Object.keys(WORKLOADS);
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What both pages train: the same layers, data, batch size, learning rate and seed. */
export function recipe(id, samples) {
  const w = WORKLOADS[id];
  return {
    layers: w.layers,
    dataset: w.dataset(samples),
    batchSize: BATCH_SIZE,
    learningRate: LEARNING_RATE,
    seed: SEED,
  };
}
