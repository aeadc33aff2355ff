import { describe, expect, it } from 'vitest';
import { logAxis, rowsExtent, stepAxis, valueAxis } from './axis';

describe('chart axes', () => {
  it('finds the extent of the drawn keys only', () => {
    const rows = [
      { x: 1, a: 3, b: -1 },
      { x: 2, a: 0.5, c: 99 },
    ];
    expect(rowsExtent(rows, ['a', 'b'])).toEqual([-1, 3]);
    expect(rowsExtent(rows, ['a', 'b'], true)).toEqual([0.5, 3]);
    expect(rowsExtent(rows, ['z'])).toBeNull();
  });

  it('widens a value axis to round ticks that cover the data', () => {
    const a = valueAxis([0.315, 0.735]);
    expect(a.domain[0]).toBeLessThanOrEqual(0.315);
    expect(a.domain[1]).toBeGreaterThanOrEqual(0.735);
    expect(a.ticks).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
    expect(valueAxis([2, 2]).domain).toEqual([1, 3]);
  });

  it('puts a log axis on decades', () => {
    expect(logAxis([0.03, 2])).toEqual({ domain: [0.01, 10], ticks: [0.01, 0.1, 1, 10] });
    expect(logAxis([0.3, 0.8]).ticks).toEqual([0.1, 0.2, 0.5, 1]);
  });

  it('keeps the step axis to the data, with whole-number ticks', () => {
    expect(stepAxis([1, 2], true)).toEqual({ domain: [1, 2], ticks: [1, 2] });
    expect(stepAxis([1, 40], true).ticks).toEqual([5, 10, 15, 20, 25, 30, 35, 40]);
    expect(stepAxis([-5, 5], false).ticks).toEqual([-4, -2, 0, 2, 4]);
  });
});
