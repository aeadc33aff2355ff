import { describe, expect, it } from 'vitest';
import { channel, extent, linearScale, linePath, logScale, nearestIndex, niceTicks } from './scale';

describe('scales', () => {
  it('maps a domain onto a range, flipped if asked', () => {
    const y = linearScale(0, 10, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(5)).toBe(50);
  });
  it('picks round ticks', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(-0.33, 0.71, 4)).toEqual([-0.2, 0, 0.2, 0.4, 0.6]);
  });
  it('finds the extent of finite values and widens a flat one', () => {
    expect(extent([1, NaN, 3], [-2])).toEqual([-2, 3]);
    expect(extent([2, 2])).toEqual([1.5, 2.5]);
    expect(extent([])).toEqual([0, 1]);
  });
  it('takes one channel out of interleaved values', () => {
    expect(channel([1, 10, 2, 20, 3, 30], 2, 1)).toEqual([10, 20, 30]);
  });
  it('maps decades evenly on a log scale', () => {
    const y = logScale(0.01, 10, 300, 0);
    expect(y(0.01)).toBe(300);
    expect(y(0.1)).toBeCloseTo(200, 9);
    expect(y(10)).toBeCloseTo(0, 9);
  });
  it('finds the row nearest to an x', () => {
    const rows = [{ x: 1 }, { x: 4 }, { x: 10 }];
    expect(nearestIndex(rows, -5)).toBe(0);
    expect(nearestIndex(rows, 2)).toBe(0);
    expect(nearestIndex(rows, 3)).toBe(1);
    expect(nearestIndex(rows, 8)).toBe(2);
    expect(nearestIndex(rows, 99)).toBe(2);
    expect(nearestIndex([], 1)).toBe(-1);
  });
  it('draws a path through the rows that have the key', () => {
    const rows = [{ x: 0, a: 1 }, { x: 1 }, { x: 2, a: 3 }, { x: 3, a: NaN }];
    const id = (v: number) => v;
    expect(linePath(rows, 'a', id, id)).toBe('M0.0,1.0L2.0,3.0');
    expect(linePath(rows, 'b', id, id)).toBe('');
  });
});

describe('niceTicks on a range one ulp wide', () => {
  it('returns instead of looping forever (froze the page during a wasm LSTM run)', () => {
    expect(niceTicks(0.5, 0.5000000000000001)).toEqual([0.5]);
    expect(niceTicks(1e15, 1e15 + 0.25).length).toBeLessThanOrEqual(51);
  });
});
