import { describe, expect, it } from 'vitest';
import { channel, extent, linearScale, niceTicks } from './scale';

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
});
