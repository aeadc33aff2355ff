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

  it("matches weights by name when the file lists a layer's weights together, as Keras does", () => {
    const bnSpec = specFrom([
      ['Input', { shape: [2] }],
      ['Dense', { units: 2 }],
      ['BatchNormalization', {}],
    ]);
    const model = buildModel(bnSpec, { seed: 1 });
    // tfjs lists the trainable weights first: dense kernel, bias, gamma, beta, then the moving
    // statistics. Keras (and a converted Keras model) goes layer by layer.
    const names = model.weights.map((v) => v.originalName);
    expect(names).toEqual([
      'dense/kernel',
      'dense/bias',
      'batch_normalization/gamma',
      'batch_normalization/beta',
      'batch_normalization/moving_mean',
      'batch_normalization/moving_variance',
    ]);
    const keras = [
      ['dense/kernel', [2, 2], [1, 2, 3, 4]],
      ['dense/bias', [2], [5, 6]],
      ['batch_normalization/gamma', [2], [7, 8]],
      ['batch_normalization/beta', [2], [9, 10]],
      ['batch_normalization/moving_mean', [2], [11, 12]],
      ['batch_normalization/moving_variance', [2], [13, 14]],
    ] as const;
    const shuffled = [keras[4], keras[0], keras[2], keras[5], keras[1], keras[3]];
    const file = {
      source: "'weights.bin'",
      specs: shuffled.map(([name, shape]) => ({
        name,
        shape: [...shape],
        dtype: 'float32' as const,
      })),
      data: new Float32Array(shuffled.flatMap(([, , v]) => [...v])).buffer,
    };
    expect(applyInitialWeights(model, file)).toBeNull();
    const got = model.weights.map((v) => Array.from(v.read().dataSync()));
    expect(got).toEqual(keras.map(([, , v]) => [...v]));
    disposeModel(model);
  });
});
