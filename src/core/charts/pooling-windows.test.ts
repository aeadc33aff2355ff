import { describe, expect, it } from 'vitest';
import { windowLength } from '../layers/shape-math';
import { coveredRange, poolLayout, poolValue } from './pooling-windows';

const spans = (l: ReturnType<typeof poolLayout>) => l.windows.map((w) => [w.start, w.end]);

describe('pooling window layout', () => {
  it("'valid' with pool_size = strides tiles the input and drops the odd step", () => {
    const l = poolLayout(7, 2, 2, 'valid');
    expect(spans(l)).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
    ]);
    expect(l).toMatchObject({ padBefore: 0, padAfter: 0, dropped: 1 });
  });

  it("'same' pads the odd step at the end", () => {
    const l = poolLayout(7, 2, 2, 'same');
    expect(spans(l)).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
      [6, 8],
    ]);
    expect(l).toMatchObject({ padBefore: 0, padAfter: 1, dropped: 0 });
    expect(coveredRange(l.windows[3]!, 7)).toEqual([6, 7]);
  });

  it("'same' with a wide window pads both sides, the extra step after", () => {
    const l = poolLayout(5, 4, 1, 'same');
    // total padding (5 − 1)·1 + 4 − 5 = 3: one before, two after.
    expect(l).toMatchObject({ padBefore: 1, padAfter: 2 });
    expect(spans(l)[0]).toEqual([-1, 3]);
    expect(spans(l).at(-1)).toEqual([3, 7]);
  });

  it('overlapping windows when strides < pool_size', () => {
    expect(spans(poolLayout(6, 3, 1, 'valid'))).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('gaps between windows when strides > pool_size', () => {
    const l = poolLayout(9, 2, 3, 'valid');
    expect(spans(l)).toEqual([
      [0, 2],
      [3, 5],
      [6, 8],
    ]);
    expect(l.dropped).toBe(1);
  });

  it("has no window when 'valid' and the input is shorter than the pool", () => {
    expect(poolLayout(2, 3, 1, 'valid').windows).toEqual([]);
  });

  it('always has as many windows as the shape rule says outputs', () => {
    for (let length = 1; length <= 13; length++) {
      for (let pool = 1; pool <= 5; pool++) {
        for (let stride = 1; stride <= 4; stride++) {
          for (const padding of ['valid', 'same'] as const) {
            const want = Math.max(0, windowLength(length, pool, padding, stride));
            expect(poolLayout(length, pool, stride, padding).windows).toHaveLength(want);
          }
        }
      }
    }
  });

  it('pools the covered values only (padding is ignored)', () => {
    const values = [1, 5, 2, 8, 3];
    const l = poolLayout(5, 2, 2, 'same');
    expect(l.windows.map((w) => poolValue(values, w, 5, 'max'))).toEqual([5, 8, 3]);
    expect(l.windows.map((w) => poolValue(values, w, 5, 'average'))).toEqual([3, 5, 3]);
  });
});
