import { describe, expect, it } from 'vitest';
import { specFrom } from '../spec-from';
import { checkTrainable, rankProblem, resolveLoss } from './compat';

const mlp = (input: number[], units: number) =>
  specFrom([
    ['Input', { shape: input }],
    ['Dense', { units: 4, activation: 'relu' }],
    ['Dense', { units, activation: units === 1 ? 'sigmoid' : 'softmax' }],
  ]);
const data = (xShape: number[], k: number, numClasses: number) => ({
  xShape,
  yShape: [xShape[0]!, k],
  numClasses,
});
const reason = (r: ReturnType<typeof checkTrainable>) => (r.ok ? '' : r.reason);

describe('checkTrainable', () => {
  it('accepts a model whose input and output fit the data', () => {
    expect(checkTrainable(mlp([2], 1), data([10, 2], 1, 2), 'binary_crossentropy').ok).toBe(true);
    expect(checkTrainable(mlp([4], 3), data([10, 4], 3, 3), 'categorical_crossentropy').ok).toBe(
      true,
    );
    expect(
      checkTrainable(mlp([4], 3), data([10, 4], 1, 3), 'sparse_categorical_crossentropy').ok,
    ).toBe(true);
  });

  it('says which BatchNormalization TensorFlow.js cannot train, before training', () => {
    const bn = (center: boolean, scale: boolean) =>
      specFrom([
        ['Input', { shape: [2] }],
        ['Dense', { units: 4 }],
        ['BatchNormalization', { center, scale }],
        ['Dense', { units: 1, activation: 'sigmoid' }],
      ]);
    const fit = data([10, 2], 1, 2);
    expect(checkTrainable(bn(true, true), fit, 'binary_crossentropy').ok).toBe(true);
    expect(reason(checkTrainable(bn(false, true), fit, 'binary_crossentropy'))).toBe(
      "BatchNormalization 'batch_normalization' has center off, which TensorFlow.js 4.22 cannot train: turn it on to train here (the exported Keras script keeps your setting).",
    );
    expect(reason(checkTrainable(bn(false, false), fit, 'binary_crossentropy'))).toContain(
      'has center and scale off',
    );
  });

  it('names the Input shape to set when the data does not fit', () => {
    expect(reason(checkTrainable(mlp([2], 1), data([10, 24, 1], 1, 2), 'mse'))).toBe(
      'One sample of the data has shape (24, 1), but the Input layer takes (2,): set the Input shape to (24, 1).',
    );
  });

  it('words several values per sample as the data panel does, with the fix', () => {
    const sequence = mlp([24, 1], 1);
    const why = reason(checkTrainable(sequence, data([10, 24, 1], 1, 2), 'mse'));
    expect(why).toBe(rankProblem(sequence, [24, 1])?.message);
    expect(why).toContain('the model outputs (None, 24, 1): several values per sample');
    expect(why).toContain('add a Flatten right after the Input');
  });

  it('names the output units to set, per loss', () => {
    expect(
      reason(checkTrainable(mlp([4], 1), data([10, 4], 3, 3), 'categorical_crossentropy')),
    ).toContain('set its units to 3');
    expect(
      reason(checkTrainable(mlp([4], 2), data([10, 4], 1, 3), 'sparse_categorical_crossentropy')),
    ).toContain('The data has 3 classes');
    expect(
      reason(checkTrainable(mlp([4], 3), data([10, 4], 3, 3), 'sparse_categorical_crossentropy')),
    ).toContain('use categorical cross-entropy');
  });

  it('reports a model that cannot be built before anything else', () => {
    const broken = specFrom([['Dense', { units: 1 }]]);
    expect(reason(checkTrainable(broken, data([10, 2], 1, 2), 'mse'))).toMatch(
      /^The model cannot be built yet/,
    );
  });

  it('resolves the automatic loss from the data', () => {
    expect(resolveLoss('auto', 'binary_crossentropy')).toBe('binary_crossentropy');
    expect(resolveLoss('mae', 'binary_crossentropy')).toBe('mae');
  });
});
