import { describe, expect, it } from 'vitest';
import { chooseTask, encodeTargets, MAX_CLASSES, suggestOutput, type TargetValues } from './task';
import { unwrap } from './test-helpers';

const nums = (values: number[]): TargetValues => ({ name: 'y', values, categories: null });
const text = (codes: number[], categories: string[]): TargetValues => ({
  name: 'species',
  values: codes,
  categories,
});
const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);

describe('task detection', () => {
  it('auto: 2 values → binary, 3–50 whole numbers or texts → multiclass, else regression', () => {
    expect(unwrap(chooseTask(nums([0, 1, 1, 0]), 'auto')).task).toBe('binary');
    expect(unwrap(chooseTask(nums([-1, 1]), 'auto')).classNames).toEqual(['-1', '1']);
    expect(unwrap(chooseTask(nums([1, 2, 3, 2]), 'auto')).task).toBe('multiclass');
    expect(unwrap(chooseTask(nums([0.5, 1.5, 2.5]), 'auto')).task).toBe('regression');
    expect(unwrap(chooseTask(nums(Array.from({ length: 60 }, (_, i) => i)), 'auto')).task).toBe(
      'regression',
    );
    const iris = unwrap(
      chooseTask(text([0, 1, 2, 1], ['setosa', 'versicolor', 'virginica']), 'auto'),
    );
    expect([iris.task, iris.classNames]).toEqual([
      'multiclass',
      ['setosa', 'versicolor', 'virginica'],
    ]);
    expect(unwrap(chooseTask(text([1, 0], ['no', 'yes']), 'auto')).task).toBe('binary');
  });

  it('forecasting a number is regression, whole numbers or not', () => {
    expect(unwrap(chooseTask(nums([1, 2, 3, 2]), 'auto', true)).task).toBe('regression');
    expect(unwrap(chooseTask(nums([0, 1]), 'auto', true)).task).toBe('regression');
    expect(unwrap(chooseTask(nums([0, 1]), 'binary', true)).task).toBe('binary');
    expect(unwrap(chooseTask(text([0, 1, 2], ['a', 'b', 'c']), 'auto', true)).task).toBe(
      'multiclass',
    );
  });

  it('maps values to class indices in sorted order', () => {
    const c = unwrap(chooseTask(nums([7, 3, 1, 3]), 'auto'));
    expect(c.classNames).toEqual(['1', '3', '7']);
    expect([7, 3, 1].map(c.classOf)).toEqual([2, 1, 0]);
  });

  it('explains label columns it cannot use', () => {
    expect(reason(chooseTask(text([0, 0], ['setosa']), 'auto'))).toBe(
      "Column 'species' has only one value ('setosa'); a label needs at least two classes.",
    );
    const many = Array.from({ length: 80 }, (_, i) => i);
    expect(reason(chooseTask(text(many, many.map(String)), 'auto'))).toBe(
      `Column 'species' has more than ${MAX_CLASSES} different text values; a label can have at most 50 classes.`,
    );
  });

  it('honours overrides when the values allow them, explains when not', () => {
    expect(unwrap(chooseTask(nums([0, 1, 0]), 'regression')).task).toBe('regression');
    expect(unwrap(chooseTask(nums([0, 1]), 'multiclass')).task).toBe('multiclass');
    expect(unwrap(chooseTask(nums([0.5, 1.5, 2.5]), 'multiclass')).classNames).toEqual([
      '0.5',
      '1.5',
      '2.5',
    ]);
    expect(reason(chooseTask(text([0, 1], ['a', 'b']), 'regression'))).toBe(
      "Column 'species' holds text (such as 'a'), which cannot be predicted as a number; choose binary or multiclass.",
    );
    expect(reason(chooseTask(nums([1, 2, 3]), 'binary'))).toBe(
      "Column 'y' has 3 different values; binary classification needs exactly 2.",
    );
    expect(reason(chooseTask(nums([4, 4]), 'multiclass'))).toBe(
      "Column 'y' has 1 different value; multiclass needs 2 to 50 classes.",
    );
  });
});

describe('label encoding and suggested output', () => {
  const three = unwrap(chooseTask(nums([2, 0, 1]), 'auto'));
  it('one-hot gives [N, k]; sparse gives [N, 1] class indices', () => {
    expect(encodeTargets([2, 0, 1], three, 'one-hot')).toEqual({
      y: Float32Array.from([0, 0, 1, 1, 0, 0, 0, 1, 0]),
      yShape: [3, 3],
    });
    expect(encodeTargets([2, 0, 1], three, 'sparse')).toEqual({
      y: Float32Array.from([2, 0, 1]),
      yShape: [3, 1],
    });
  });

  it('binary is always one 0/1 column; regression passes values through', () => {
    const bin = unwrap(chooseTask(nums([-1, 1]), 'auto'));
    expect(encodeTargets([1, -1], bin, 'one-hot')).toEqual({
      y: Float32Array.from([1, 0]),
      yShape: [2, 1],
    });
    const reg = unwrap(chooseTask(nums([0.25, 2]), 'regression'));
    expect(encodeTargets([0.25, 2], reg, 'one-hot').y).toEqual(Float32Array.from([0.25, 2]));
  });

  it('suggests the output layer and loss for each task', () => {
    expect(suggestOutput('regression', 1, 'one-hot')).toEqual({
      units: 1,
      activation: 'linear',
      loss: 'mse',
    });
    expect(suggestOutput('binary', 2, 'one-hot')).toEqual({
      units: 1,
      activation: 'sigmoid',
      loss: 'binary_crossentropy',
    });
    expect(suggestOutput('multiclass', 4, 'one-hot')).toEqual({
      units: 4,
      activation: 'softmax',
      loss: 'categorical_crossentropy',
    });
    expect(suggestOutput('multiclass', 4, 'sparse').loss).toBe('sparse_categorical_crossentropy');
  });
});
