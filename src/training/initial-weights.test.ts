import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { specFrom } from '../core/spec-from';
import { buildModel, disposeModel } from './build-model';
import { applyInitialWeights } from './initial-weights';

const spec = specFrom([
  ['Input', { shape: [3] }],
  ['Dense', { units: 2 }],
]);

const weightsOf = (values: number[], shapes = [[3, 2], [2]]) => ({
  source: "'weights.bin'",
  specs: shapes.map((shape, i) => ({ name: `w${i}`, shape, dtype: 'float32' as const })),
  data: new Float32Array(values).buffer,
});

describe('imported weights in a built model', () => {
  it('sets every weight in model order and keeps no extra tensors', () => {
    const model = buildModel(spec, { seed: 1 });
    const before = tf.memory().numTensors;
    const values = [1, 2, 3, 4, 5, 6, 0.5, -0.5];
    expect(applyInitialWeights(model, weightsOf(values))).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    const got = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
    expect(got).toEqual(values);
    const y = model.predict(tf.tensor2d([[1, 0, 0]])) as tf.Tensor;
    expect(Array.from(y.dataSync())).toEqual([1.5, 1.5]);
    y.dispose();
    disposeModel(model);
  });

  it('leaves the model as it was when a shape differs, naming both sides', () => {
    const model = buildModel(spec, { seed: 1 });
    const fresh = model.getWeights().map((w) => Array.from(w.dataSync()));
    const misfit = applyInitialWeights(model, weightsOf(new Array(8).fill(0), [[2, 3], [2]]));
    expect(misfit).toBe("'w0' has shape [2, 3], but 'dense/kernel' needs [3, 2]");
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(fresh);
    expect(applyInitialWeights(model, weightsOf([0, 0], [[2]]))).toBe(
      'the file holds 1 weight array and the model has 2',
    );
    disposeModel(model);
  });
});
