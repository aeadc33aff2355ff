import { describe, expect, it } from 'vitest';
import { applyNormalisation, fitNormalisation, scaleColumns, trainingRows } from './normalise';

describe('normalisation', () => {
  const a = [1, 2, 3, 1000];
  const b = [10, 10, 10, -5];
  const firstThree = Uint8Array.from([1, 1, 1, 0]);

  it('z-score uses only the marked rows', () => {
    const n = fitNormalisation('zscore', [a, b], firstThree);
    expect(n.offset).toEqual([2, 10]);
    expect(n.scale[0]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(n.scale[1]).toBe(1); // constant on the training rows: no division by zero
  });

  it('min-max uses only the marked rows', () => {
    expect(fitNormalisation('minmax', [a], firstThree)).toEqual({
      kind: 'minmax',
      offset: [1],
      scale: [2],
    });
  });

  it('none is the identity', () => {
    const n = fitNormalisation('none', [a, b], firstThree);
    expect(n).toEqual({ kind: 'none', offset: [0, 0], scale: [1, 1] });
    const x = Float32Array.from([5, 6]);
    applyNormalisation(x, n);
    expect([...x]).toEqual([5, 6]);
  });

  it('applies per feature with the feature index varying fastest', () => {
    const x = Float32Array.from([3, 20, 5, 40]);
    applyNormalisation(x, { kind: 'zscore', offset: [1, 10], scale: [2, 10] });
    expect([...x]).toEqual([1, 1, 2, 3]);
  });

  it('scales column copies, leaving the source untouched', () => {
    const col = [3, 5];
    const [scaled] = scaleColumns([col], { kind: 'zscore', offset: [1], scale: [2] });
    expect([...(scaled ?? [])]).toEqual([1, 2]);
    expect(col).toEqual([3, 5]);
  });

  it('marks the rows training windows read', () => {
    expect([...trainingRows(10, Int32Array.from([0, 2, 7]), 2, 3)]).toEqual([
      1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ]);
    expect([...trainingRows(4, Int32Array.from([3, 1]), 1, 1)]).toEqual([0, 0, 0, 1]);
    // windows [0, 2) and [3, 5) with targets 2 steps after their ends: rows 3 and 6
    expect([...trainingRows(8, Int32Array.from([0, 3]), 2, 2, 2)]).toEqual([
      1, 1, 0, 1, 1, 0, 1, 0,
    ]);
  });
});
