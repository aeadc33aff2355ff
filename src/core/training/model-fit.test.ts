import { describe, expect, it } from 'vitest';
import { counterIds, createLayer, type ModelSpec } from '../model-spec';
import { templateSpec } from '../templates';
import { defaultBuiltinConfig, loadTable, prepareDataset, type BuiltinId } from '../../data/index';
import { unwrap } from '../../data/test-helpers';
import { lossFits } from './compat';
import { checkModelFit, fitOutput, withInputShape } from './model-fit';

const data = (id: BuiltinId) => {
  const config = defaultBuiltinConfig(id);
  return unwrap(prepareDataset(unwrap(loadTable(config, null)), config));
};
const mlp = () => templateSpec('mlp', counterIds());

describe('checkModelFit', () => {
  it('finds nothing to fix for the MLP on the circle', () => {
    const fit = checkModelFit(mlp(), data('circle'), 'binary_crossentropy');
    expect(fit).toMatchObject({ inputOk: true, output: null, rank: null, loss: null });
  });

  it('names the sample shape, the Flatten a Dense stack needs, and the regression output', () => {
    const fit = checkModelFit(mlp(), data('sine'), 'binary_crossentropy');
    expect([fit.dataShape, fit.inputShape, fit.inputOk]).toEqual([[24, 1], [2], false]);
    expect(fit.rank).toMatchObject({ canFlatten: true });
    expect(fit.rank?.message).toContain('(None, 24, 1)');
    expect(fit.output).toEqual({
      message:
        "For predicting the number 'value' (regression), the model should end with Dense(1, linear); it ends with Dense(1, sigmoid).",
      fixLabel: 'Set the last Dense to Dense(1, linear)',
    });
    expect(fit.loss?.fixLabel).toBe('Use Mean squared error');
  });

  it('leaves the summarising to the user when recurrent layers need the steps', () => {
    const lstm = templateSpec('lstm-forecaster', counterIds());
    const seq = lstm.layers[1];
    if (seq?.kind !== 'LSTM') throw new Error('expected an LSTM');
    const spec: ModelSpec = {
      layers: lstm.layers.map((l) =>
        l.id === seq.id ? { ...seq, params: { ...seq.params, return_sequences: true } } : l,
      ),
    };
    const fit = checkModelFit(spec, data('sine'), 'mse');
    expect(fit.rank).toMatchObject({ canFlatten: false });
    expect(fit.rank?.message).toContain('return_sequences');
  });

  it('asks for softmax over the classes, and says when the last layer is not a Dense', () => {
    const spec = { layers: [...mlp().layers, createLayer('Dropout', 'drop')] };
    const fit = checkModelFit(spec, data('pixel-digits'), 'categorical_crossentropy');
    expect(fit.output?.fixLabel).toBe('Add Dense(10, softmax) at the end');
    expect(fit.output?.message).toContain('it ends with Dropout');
  });
});

describe('fitOutput and the loss', () => {
  it('sets the last Dense, or appends one, in a single new spec', () => {
    const want = { units: 3, activation: 'softmax', loss: 'categorical_crossentropy' } as const;
    const set = fitOutput(mlp(), want);
    expect(set.appended).toBe(false);
    expect(set.spec.layers.at(-1)).toMatchObject({
      kind: 'Dense',
      params: { units: 3, activation: 'softmax' },
    });
    const spec = { layers: [...mlp().layers, createLayer('Dropout', 'drop')] };
    const added = fitOutput(spec, want, () => createLayer('Dense', 'new'));
    expect(added).toMatchObject({ appended: true, layerId: 'new' });
    expect(added.spec.layers.map((l) => l.kind)).toEqual([
      'Input',
      'Dense',
      'Dense',
      'Dense',
      'Dropout',
      'Dense',
    ]);
  });

  it('accepts any regression loss for numbers, only the matching one for classes', () => {
    expect(['mse', 'mae', 'huber'].every((l) => lossFits(l as 'mse', 'mse'))).toBe(true);
    expect(lossFits('binary_crossentropy', 'mse')).toBe(false);
    expect(lossFits('categorical_crossentropy', 'sparse_categorical_crossentropy')).toBe(false);
  });

  it('checks later layers against the data shape, not the stale Input', () => {
    const spec = withInputShape(mlp(), [24, 1]);
    expect(spec.layers[0]).toMatchObject({ params: { shape: [24, 1] } });
  });
});
