import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFrom } from '../core/spec-from';
import { buildModel } from './build-model';
import { createProber, PROBE_SAMPLES } from './probes';
import { switchBackend } from './kernels/wasm/conv-grad-cases';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('probes', () => {
  it('summarise every layer, picture each pooling window and predict validation samples', async () => {
    const spec = specFrom([
      ['Input', { shape: [12, 1] }],
      ['Conv1D', { filters: 2, kernel_size: 3, activation: 'relu' }],
      ['MaxPooling1D', { pool_size: 2 }],
      ['Flatten'],
      ['Dense', { units: 3, activation: 'softmax' }],
    ]);
    const n = 300;
    const data = {
      x: Float32Array.from({ length: n * 12 }, (_, i) => Math.sin(i)),
      xShape: [n, 12, 1],
      y: new Float32Array(n * 3),
      yShape: [n, 3],
      trainCount: 20,
      numClasses: 3,
    };
    const model = buildModel(spec, { seed: 1 });
    const grid = new Float32Array(5 * 12);
    const prober = createProber(model, spec, data, grid);
    const before = tf.memory().numTensors;
    const { snapshot: snap, timeline } = await prober.probe(1, 4);
    expect(timeline).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    expect(snap.layers.map((l) => [l.index, l.name])).toEqual([
      [1, 'conv1d'],
      [2, 'max_pooling1d'],
      [3, 'flatten'],
      [4, 'dense'],
    ]);
    const conv = snap.layers[0]!.stats;
    expect(conv.count).toBe(PROBE_SAMPLES * 10 * 2);
    expect(conv.zeroShare).toBeGreaterThan(0); // relu
    expect(snap.layers[3]!.stats.saturatedShare).not.toBeNull(); // softmax
    const pool = snap.pooling[0]!;
    expect(pool).toMatchObject({ index: 2, sample: 20, inputShape: [10, 2], outputShape: [5, 2] });
    expect(pool.input).toHaveLength(20);
    // Max pooling: each output is the larger of its two inputs, per channel.
    expect(pool.output[0]).toBe(Math.max(pool.input[0]!, pool.input[2]!));
    expect(snap.predictions).toMatchObject({ firstSample: 20, count: PROBE_SAMPLES, units: 3 });
    expect(snap.extra).toMatchObject({ firstSample: 0, count: 5, units: 3 });
    prober.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(0);
  });
});

describe('probes on wasm', () => {
  it('show what the cpu backend shows: the first samples picked without slicing', async () => {
    const spec = specFrom([
      ['Input', { shape: [6, 6, 1] }],
      ['Conv2D', { filters: 4, kernel_size: [3, 3], activation: 'relu' }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Flatten'],
      ['Dense', { units: 2, activation: 'softmax' }],
    ]);
    const n = 300;
    const data = {
      x: Float32Array.from({ length: n * 36 }, (_, i) => Math.cos(i * 0.37)),
      xShape: [n, 6, 6, 1],
      y: new Float32Array(n * 2),
      yShape: [n, 2],
      trainCount: 20,
      numClasses: 2,
    };
    const snapshotOn = async (backend: 'cpu' | 'wasm') => {
      await switchBackend(backend);
      const model = buildModel(spec, { seed: 3 });
      const prober = createProber(model, spec, data, null);
      const before = tf.memory().numTensors;
      const { snapshot } = await prober.probe(1, 2);
      expect(tf.memory().numTensors).toBe(before);
      prober.dispose();
      model.dispose();
      return snapshot;
    };
    try {
      const cpu = await snapshotOn('cpu');
      const wasm = await snapshotOn('wasm');
      expect(wasm.layers.map((l) => l.stats.count)).toEqual(cpu.layers.map((l) => l.stats.count));
      for (const [i, l] of wasm.layers.entries()) {
        expect(l.stats.mean).toBeCloseTo(cpu.layers[i]!.stats.mean, 5);
      }
      expect(wasm.pooling[0]!.input.length).toBe(cpu.pooling[0]!.input.length);
      wasm.pooling[0]!.output.forEach((v, i) =>
        expect(v).toBeCloseTo(cpu.pooling[0]!.output[i]!, 5),
      );
      expect(wasm.predictions!.count).toBe(PROBE_SAMPLES);
      wasm.predictions!.values.forEach((v, i) =>
        expect(v).toBeCloseTo(cpu.predictions!.values[i]!, 5),
      );
    } finally {
      await tf.setBackend('cpu');
    }
  });
});
