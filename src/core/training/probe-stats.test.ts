import { describe, expect, it } from 'vitest';
import { specFrom } from '../spec-from';
import { activationStats, effectiveActivations, histogram } from './probe-stats';

describe('probe statistics', () => {
  it('bins values between min and max, the max in the last bin', () => {
    const h = histogram([0, 0.5, 1, 1, 2], 4);
    expect(h).toEqual({ min: 0, max: 2, counts: [1, 1, 2, 1] });
    expect(h.counts.reduce((a, b) => a + b)).toBe(5);
  });

  it('puts a constant layer in one bin and skips non-finite values', () => {
    expect(histogram([3, 3, NaN, Infinity], 3)).toEqual({ min: 3, max: 3, counts: [2, 0, 0] });
    expect(histogram([], 2)).toEqual({ min: 0, max: 0, counts: [0, 0] });
  });

  it('reports mean, std, zeros and saturation for the activation in use', () => {
    const relu = activationStats([0, 0, 2, 2], 'relu');
    expect(relu).toMatchObject({ count: 4, mean: 1, std: 1, zeroShare: 0.5, saturatedShare: null });
    const sigmoid = activationStats([0.001, 0.5, 0.995, 0.6], 'sigmoid');
    expect(sigmoid.saturatedShare).toBe(0.5);
    expect(activationStats([-0.999, 0.2], 'tanh').saturatedShare).toBe(0.5);
  });

  it('lets shape-only layers keep the activation of the layer before', () => {
    const spec = specFrom([
      ['Input', { shape: [8, 1] }],
      ['Conv1D', { filters: 2, kernel_size: 3, activation: 'tanh' }],
      ['MaxPooling1D', { pool_size: 2 }],
      ['Flatten'],
      ['BatchNormalization'],
      ['Dense', { units: 1, activation: 'sigmoid' }],
    ]);
    expect(effectiveActivations(spec)).toEqual([null, 'tanh', 'tanh', 'tanh', null, 'sigmoid']);
  });
});
