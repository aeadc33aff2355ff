import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renameLayer } from '../core/model-spec';
import { specFrom } from '../core/spec-from';
import { buildModel, disposeModel } from './build-model';

beforeAll(async () => {
  tf.env().set('PROD', true); // silences the "install tfjs-node" banner
  expect(await tf.setBackend('cpu')).toBe(true);
});

const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] ?? Infinity);
}

describe('buildModel', () => {
  it('maps spec layers one to one, with the Keras names', () => {
    const spec = renameLayer(
      specFrom([
        ['Input', { shape: [10, 3] }],
        ['Conv1D', { filters: 4 }],
        ['LSTM', { units: 5 }],
        ['Dense'],
      ]),
      'layer-4',
      'head',
    );
    const model = buildModel(spec);
    expect(model.layers.map((l) => [l.name, l.getClassName()])).toEqual([
      ['input_layer', 'InputLayer'],
      ['conv1d', 'Conv1D'],
      ['lstm', 'LSTM'],
      ['head', 'Dense'],
    ]);
    model.dispose();
  });

  it('starts from the same weights for the same seed, and different ones for another', () => {
    const spec = specFrom([
      ['Input', { shape: [6, 2] }],
      ['GRU', { units: 4 }],
      ['Dense', { units: 3 }],
    ]);
    const [a, b, c] = [7, 7, 8].map((seed) => buildModel(spec, { seed }));
    if (!a || !b || !c) throw new Error('unreachable');
    expect(weightsOf(a)).toEqual(weightsOf(b));
    expect(weightsOf(a)[0]).not.toEqual(weightsOf(c)[0]);
    // kernel and recurrent kernel must not share a stream
    expect(weightsOf(a)[0]?.slice(0, 4)).not.toEqual(weightsOf(a)[1]?.slice(0, 4));
    [a, b, c].forEach((m) => m.dispose());
  });

  it("uses Keras's initialisers, not tfjs's defaults", () => {
    const model = buildModel(
      specFrom([
        ['Input', { shape: [4, 64] }],
        ['LSTM', { units: 2 }],
        ['Dense', { units: 64 }],
      ]),
    );
    const [, , lstmBias, denseKernel] = weightsOf(model);
    // glorot_uniform stays within ±sqrt(6 / (fan_in + fan_out)); tfjs's glorotNormal does not
    const limit = Math.sqrt(6 / (2 + 64));
    expect(Math.max(...(denseKernel ?? []).map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...(denseKernel ?? []).map(Math.abs))).toBeGreaterThan(0.9 * limit);
    // unit_forget_bias: gates are ordered i, f, c, o, so the second block of `units` is 1
    expect(lstmBias).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
    model.dispose();
  });

  it('refuses a spec the core refuses', () => {
    const spec = specFrom([['Input', { shape: [8] }], ['Dense'], ['LSTM']]);
    expect(() => buildModel(spec)).toThrow(/LSTM needs a 3-D input/);
  });

  it("translates Keras's hard_sigmoid to tfjs's hardSigmoid", () => {
    const model = buildModel(
      specFrom([
        ['Input', { shape: [3] }],
        ['Activation', { activation: 'hard_sigmoid' }],
      ]),
    );
    const y = model.predict(tf.tensor2d([[-5, 0, 1]])) as tf.Tensor;
    expect(Array.from(y.dataSync())).toEqual([0, 0.5, expect.closeTo(0.7, 6)]);
    y.dispose();
    model.dispose();
  });

  it('frees the dropout masks tfjs RNN cells keep after training', async () => {
    const before = tf.memory().numTensors;
    const model = buildModel(
      specFrom([
        ['Input', { shape: [5, 2] }],
        ['LSTM', { units: 3, dropout: 0.2, recurrent_dropout: 0.2 }],
      ]),
      { seed: 3 },
    );
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const [xs, ys] = [tf.zeros([4, 5, 2]), tf.zeros([4, 3])];
    await model.fit(xs, ys, { epochs: 1, verbose: 0 });
    tf.dispose([xs, ys]);
    disposeModel(model);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('does not leak tensors', () => {
    const before = tf.memory().numTensors;
    const model = buildModel(
      specFrom([
        ['Input', { shape: [8, 1] }],
        ['Conv1D', { padding: 'causal', dilation_rate: 2 }],
        ['Flatten'],
        ['Dense'],
      ]),
      { seed: 1 },
    );
    tf.dispose(tf.tidy(() => model.predict(tf.zeros([2, 8, 1]))));
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('Conv1D padding and dilation that tfjs lacks', () => {
  const x = () => tf.randomNormal<tf.Rank.R3>([2, 11, 2], 0, 1, 'float32', 3);
  const convModel = (padding: 'valid' | 'same' | 'causal', dilation_rate: number, strides = 1) =>
    buildModel(
      specFrom([
        ['Input', { shape: [11, 2] }],
        ['Conv1D', { filters: 3, kernel_size: 3, padding, dilation_rate, strides }],
      ]),
      { seed: 5 },
    );

  // The reference is tfjs's own forward conv (which has dilation, but no gradient for it).
  const reference = (
    m: tf.LayersModel,
    input: tf.Tensor3D,
    pad: [number, number],
    d: number,
    s = 1,
  ) => {
    const [kernel, bias] = m.getWeights() as [tf.Tensor3D, tf.Tensor1D];
    const padded = tf.pad(input, [[0, 0], pad, [0, 0]]);
    return tf.add(tf.conv1d(padded, kernel, s, 'valid', 'NWC', d), bias);
  };

  it.each([
    ['valid', 1, [0, 0], 1],
    ['causal', 1, [2, 0], 1],
    ['causal', 1, [2, 0], 2],
    ['valid', 2, [0, 0], 1],
    ['same', 2, [2, 2], 1],
    ['same', 3, [3, 3], 1],
    ['causal', 2, [4, 0], 1],
  ] as const)('padding %s, dilation %i matches the reference', (padding, d, pad, s) => {
    const model = convModel(padding, d, s);
    tf.tidy(() => {
      const input = x();
      const y = model.predict(input) as tf.Tensor;
      const want = reference(model, input, [pad[0], pad[1]], d, s);
      expect(y.shape).toEqual(want.shape);
      expect(maxAbsDiff(y, want)).toBeLessThan(1e-5);
    });
    model.dispose();
  });

  it('causal outputs never see the future', () => {
    const model = convModel('causal', 2);
    tf.tidy(() => {
      const input = x();
      const changedFuture = tf.concat([input.slice([0, 0, 0], [2, 6, 2]), tf.ones([2, 5, 2])], 1);
      const a = (model.predict(input) as tf.Tensor).slice([0, 0, 0], [2, 6, 3]);
      const b = (model.predict(changedFuture) as tf.Tensor).slice([0, 0, 0], [2, 6, 3]);
      expect(maxAbsDiff(a, b)).toBe(0);
    });
    model.dispose();
  });

  it('trains with dilation and causal padding', async () => {
    const model = buildModel(
      specFrom([
        ['Input', { shape: [12, 1] }],
        ['Conv1D', { filters: 2, padding: 'causal', dilation_rate: 2 }],
        ['Flatten'],
        ['Dense', { units: 1 }],
      ]),
      { seed: 2 },
    );
    model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
    const before = weightsOf(model)[0];
    const [xs, ys] = [
      tf.randomNormal([16, 12, 1], 0, 1, 'float32', 1),
      tf.randomNormal([16, 1], 0, 1, 'float32', 2),
    ];
    const history = await model.fit(xs, ys, { epochs: 2, batchSize: 8, verbose: 0 });
    expect(history.history.loss?.every((l) => Number.isFinite(Number(l)))).toBe(true);
    expect(weightsOf(model)[0]).not.toEqual(before);
    tf.dispose([xs, ys]);
    model.dispose();
  });
});
