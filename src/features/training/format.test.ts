import { describe, expect, it } from 'vitest';
import { downsample, formatDuration, formatLoss, sparklinePoints } from './format';

describe('training panel formatting', () => {
  it('formats durations the way people say them', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(45_400)).toBe('45 s');
    expect(formatDuration(184)).toBe('0.18 s');
    expect(formatDuration(0)).toBe('0.00 s');
    expect(formatDuration(4_540)).toBe('4.5 s');
    expect(formatDuration(9_960)).toBe('10 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
  });

  it('formats losses with four significant digits', () => {
    expect(formatLoss(0.693147)).toBe('0.6931');
    expect(formatLoss(399.993)).toBe('400');
    expect(formatLoss(null)).toBe('—');
    expect(formatLoss(0.00001234)).toBe('1.234e-5');
    expect(formatLoss(NaN)).toBe('NaN');
  });

  it('downsamples keeping each bucket’s extremes', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 500 ? 99 : 1));
    const out = downsample(values, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(Math.max(...out)).toBe(99);
  });

  it('draws higher values higher up', () => {
    expect(sparklinePoints([1, 0], 10, 10)).toBe('0.0,0.0 10.0,10.0');
  });
});
