import { describe, expect, it } from 'vitest';
import { histogramBars, unitHealth } from './histogram';

describe('histogram bars', () => {
  it('splits [min, max] into equal bins with shares that sum to 1', () => {
    const bars = histogramBars({ min: 0, max: 4, counts: [1, 3, 0, 4] });
    expect(bars.map((b) => [b.from, b.to])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(bars[1]?.mid).toBe(1.5);
    expect(bars.reduce((a, b) => a + b.share, 0)).toBeCloseTo(1, 12);
  });

  it('gives a constant layer a visible bar around its value', () => {
    const bars = histogramBars({ min: 2, max: 2, counts: [5, 0] });
    expect(bars[0]?.from).toBeLessThan(2);
    expect(bars[0]?.to).toBeGreaterThan(bars[0]?.from ?? 0);
    expect(bars[0]?.share).toBe(1);
  });

  it('handles an empty histogram', () => {
    expect(histogramBars({ min: 0, max: 0, counts: [0, 0] }).every((b) => b.share === 0)).toBe(
      true,
    );
  });
});

describe('unit health', () => {
  const stats = { zeroShare: 0.6, saturatedShare: 0.1 };
  it('reports zeros as dead units for ReLU', () => {
    expect(unitHealth('relu', stats)).toEqual({
      label: 'Zero (dead ReLU)',
      share: 0.6,
      alarming: true,
    });
  });
  it('reports saturation for bounded activations', () => {
    expect(unitHealth('tanh', stats)).toEqual({ label: 'Saturated', share: 0.1, alarming: false });
    expect(unitHealth('sigmoid', { zeroShare: 0, saturatedShare: 0.9 })?.alarming).toBe(true);
  });
  it('says nothing for unbounded, non-ReLU activations', () => {
    expect(unitHealth('linear', stats)).toBeNull();
    expect(unitHealth(null, stats)).toBeNull();
  });
});
