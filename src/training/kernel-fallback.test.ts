import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specFrom, type LayerEntry } from '../core/spec-from';
import { prepareWasm } from './wasm-setup';
import { runToEnd } from './engine-run';
import type { BackendName } from '../core/training/backend-names';
import type { WorkerEvent } from '../core/training/protocol';
import type { TrainingData } from '../core/training/training-data';
import type { RunSettings } from '../core/training/settings';
import { runSettings } from '../core/training/test-fixtures';

// The real wasm backend runs in Node; prepareWasm adds Layerlab's Conv gradient kernels to it
// (kernels/wasm/), once: later calls do not register them again.
beforeAll(async () => {
  const ready = await prepareWasm();
  if (!ready.ok) throw new Error(ready.reason);
});

function train(
  backend: BackendName,
  layers: readonly LayerEntry[],
  data: TrainingData,
  settings: RunSettings,
): Promise<WorkerEvent[]> {
  return runToEnd({
    type: 'start',
    runId: 1,
    backend,
    spec: specFrom(layers),
    data,
    settings,
    paused: false,
    probeInputs: null,
  });
}

const digits = (n: number): TrainingData => {
  const x = new Float32Array(n * 16).map((_, i) => (i % 7) / 7);
  const y = Float32Array.from({ length: n }, (_, i) => i % 2);
  return { x, xShape: [n, 4, 4, 1], y, yShape: [n, 1], trainCount: n - 8, numClasses: 2 };
};

/** Windows of a sine (and a cosine channel), each followed by the next value to predict. */
function waves(n: number, shape: number[]): TrainingData {
  const size = shape.reduce((a, b) => a * b, 1);
  const x = Float32Array.from({ length: n * size }, (_, i) => Math.sin(i * 0.37 + (i % 3)));
  const y = Float32Array.from({ length: n }, (_, i) => Math.cos(i * 0.37));
  return { x, xShape: [n, ...shape], y, yShape: [n, 1], trainCount: n - 8, numClasses: 0 };
}

describe('a backend without a kernel the model needs', () => {
  // Without Layerlab's kernel wasm has no Conv2DBackpropFilter (tfjs-backend-wasm 4.22 lacks
  // it): take it away again to have a real backend that misses a kernel, and put it back after.
  let ours: tf.KernelConfig | undefined;
  beforeAll(() => {
    ours = tf.getKernel('Conv2DBackpropFilter', 'wasm');
    if (!ours) throw new Error('wasm should have a Conv2DBackpropFilter kernel once prepared');
    tf.unregisterKernel('Conv2DBackpropFilter', 'wasm');
  });
  afterAll(() => {
    if (ours) tf.registerKernel(ours);
  });

  it('is skipped at the first step with the reason, and training restarts on the next', async () => {
    const events = await train(
      'wasm',
      [
        ['Input', { shape: [4, 4, 1] }],
        ['Conv2D', { filters: 2, kernel_size: [3, 3], activation: 'relu' }],
        ['Flatten'],
        ['Dense', { units: 1, activation: 'sigmoid' }],
      ],
      digits(40),
      runSettings({ epochs: 1, batchSize: 8 }),
    );
    const started = events.filter((e) => e.type === 'started').map((e) => e.backend);
    // Node has neither WebGPU nor WebGL, so the next backend that starts is cpu.
    expect(started).toEqual(['wasm', 'cpu']);
    const reports = events.flatMap((e) => (e.type === 'backend' ? [e.report] : []));
    expect(reports.at(-1)?.skipped).toContainEqual({
      name: 'wasm',
      reason: "wasm has no 'Conv2DBackpropFilter' kernel, which this model needs to train",
    });
    expect(
      events.some((e) => e.type === 'notice' && e.message.includes('Conv2DBackpropFilter')),
    ).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'finished' });
  });
});

describe('Conv layers on wasm', () => {
  const models: [string, readonly LayerEntry[], number[]][] = [
    [
      'Conv1D(16,3) → MaxPool1D → Flatten → Dense',
      [
        ['Input', { shape: [16, 2] }],
        ['Conv1D', { filters: 16, kernel_size: 3, activation: 'relu' }],
        ['MaxPooling1D', { pool_size: 2 }],
        ['Flatten'],
        ['Dense', { units: 1 }],
      ],
      [16, 2],
    ],
    [
      'Conv1D same stride 2, causal, dilated',
      [
        ['Input', { shape: [15, 2] }],
        ['Conv1D', { filters: 4, kernel_size: 5, strides: 2, padding: 'same' }],
        ['Conv1D', { filters: 3, kernel_size: 3, padding: 'causal', dilation_rate: 2 }],
        ['Flatten'],
        ['Dense', { units: 1 }],
      ],
      [15, 2],
    ],
    [
      'Conv1D → AveragePooling1D → BatchNormalization → GlobalMaxPooling1D → Dense',
      [
        ['Input', { shape: [16, 2] }],
        ['Conv1D', { filters: 6, kernel_size: 3, padding: 'same' }],
        ['AveragePooling1D', { pool_size: 2 }],
        ['BatchNormalization'],
        ['GlobalMaxPooling1D'],
        ['Dense', { units: 1 }],
      ],
      [16, 2],
    ],
    [
      'Conv2D valid and same stride 2 → MaxPool2D → Flatten → Dense',
      [
        ['Input', { shape: [9, 8, 1] }],
        ['Conv2D', { filters: 4, kernel_size: [3, 3], activation: 'relu' }],
        ['Conv2D', { filters: 5, kernel_size: [3, 2], strides: [2, 2], padding: 'same' }],
        ['MaxPooling2D', { pool_size: [2, 2] }],
        ['Flatten'],
        ['Dense', { units: 1 }],
      ],
      [9, 8, 1],
    ],
  ];

  it.each(models)('%s trains on wasm to the losses it reaches on cpu', async (_, layers, shape) => {
    const settings = runSettings({ epochs: 2, batchSize: 8, loss: 'mse', learningRate: 0.01 });
    const losses = async (backend: BackendName) => {
      const events = await train(backend, layers, waves(40, shape), settings);
      // On wasm with no notice: it trained there, it did not fall back.
      expect(events.filter((e) => e.type === 'started').map((e) => e.backend)).toEqual([backend]);
      expect(events.filter((e) => e.type === 'notice')).toEqual([]);
      expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'finished' });
      return events.flatMap((e) => (e.type === 'batches' ? e.losses.map((l) => l.loss) : []));
    };
    const cpu = await losses('cpu');
    const wasm = await losses('wasm');
    expect(cpu).toHaveLength(8); // 32 training samples in batches of 8, two epochs
    expect(wasm).toHaveLength(cpu.length);
    wasm.forEach((loss, i) => expect(loss).toBeCloseTo(cpu[i] as number, 4));
    // A model that learned nothing would also match: the loss must have moved.
    expect(cpu.at(-1)).not.toBeCloseTo(cpu[0] as number, 3);
  });
});
