import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFrom } from '../core/spec-from';
import { buildModel } from './build-model';
import { createProber, PROBE_SAMPLES } from './probes';

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
