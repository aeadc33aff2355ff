import { describe, expect, it } from 'vitest';
import { smoothEma } from './smoothing';

describe('smoothEma (TensorBoard debiased EMA)', () => {
  it('leaves values alone at weight 0', () => {
    expect([...smoothEma([3, 1, 2], 0)]).toEqual([3, 1, 2]);
  });

  it('is debiased: the first value is kept and a constant series stays constant', () => {
    const out = smoothEma([5, 5, 5, 5], 0.9);
    out.forEach((v) => expect(v).toBeCloseTo(5, 10));
  });

  it('matches the closed form of a debiased EMA', () => {
    const w = 0.6;
    const out = smoothEma([1, 2, 3], w);
    const ema1 = (1 - w) * 1;
    const ema2 = w * ema1 + (1 - w) * 2;
    const ema3 = w * ema2 + (1 - w) * 3;
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBeCloseTo(ema2 / (1 - w ** 2), 12);
    expect(out[2]).toBeCloseTo(ema3 / (1 - w ** 3), 12);
  });

  it('smooths noise: the spread shrinks as the weight grows', () => {
    const noisy = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    const spread = (v: ArrayLike<number>) => {
      const a = Array.from(v);
      return Math.max(...a.slice(50)) - Math.min(...a.slice(50));
    };
    expect(spread(smoothEma(noisy, 0.5))).toBeLessThan(spread(noisy));
    expect(spread(smoothEma(noisy, 0.95))).toBeLessThan(spread(smoothEma(noisy, 0.5)));
  });

  it('passes non-finite values through without poisoning later ones', () => {
    const out = smoothEma([1, NaN, 1], 0.9);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(1, 10);
  });
});
