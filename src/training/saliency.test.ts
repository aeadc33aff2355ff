import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFrom } from '../core/spec-from';
import { buildModel } from './build-model';
import { saliency } from './saliency';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const x = Float32Array.from([0.5, -1.25, 2]);

describe('saliency', () => {
  it('of a linear model is its weights (gradient) and x ⊙ weights (integrated)', async () => {
    const spec = specFrom([
      ['Input', { shape: [3] }],
      ['Dense', { units: 1 }],
    ]);
    const model = buildModel(spec, { seed: 2 });
    const w = model.getWeights()[0]!.dataSync();
    const before = tf.memory().numTensors;
    const g = await saliency(model, x, [3], 'gradient');
    const ig = await saliency(model, x, [3], 'integrated', 8);
    expect(tf.memory().numTensors).toBe(before);
    [0, 1, 2].forEach((i) => {
      expect(g.values[i]).toBeCloseTo(w[i]!, 6);
      expect(ig.values[i]).toBeCloseTo(x[i]! * w[i]!, 6);
    });
    expect(g.target).toBe(0);
    model.dispose();
  });

  it('integrated gradients add up to output(x) − output(baseline) for the predicted class', async () => {
    const spec = specFrom([
      ['Input', { shape: [3] }],
      ['Dense', { units: 8, activation: 'tanh' }],
      ['Dense', { units: 3, activation: 'softmax' }],
    ]);
    const model = buildModel(spec, { seed: 4 });
    const r = await saliency(model, x, [3], 'integrated', 256);
    const at = (v: Float32Array) =>
      tf.tidy(() => (model.predict(tf.tensor2d(v, [1, 3])) as tf.Tensor).dataSync()[r.target]!);
    const sum = r.values.reduce((a, b) => a + b, 0);
    expect(r.target).toBe(r.outputs.indexOf(Math.max(...r.outputs)));
    expect(sum).toBeCloseTo(at(x) - at(new Float32Array(3)), 3);
    model.dispose();
  });

  it('keeps the layout of an image input', async () => {
    const spec = specFrom([
      ['Input', { shape: [4, 4, 1] }],
      ['Conv2D', { filters: 2, kernel_size: [3, 3], activation: 'relu' }],
      ['Flatten'],
      ['Dense', { units: 2, activation: 'softmax' }],
    ]);
    const model = buildModel(spec, { seed: 1 });
    const img = Float32Array.from({ length: 16 }, (_, i) => (i % 5) / 5);
    const r = await saliency(model, img, [4, 4, 1], 'gradient');
    expect(r.values).toHaveLength(16);
    expect(r.values.some((v) => v !== 0)).toBe(true);
    model.dispose();
  });
});
