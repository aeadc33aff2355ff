import { describe, expect, it } from 'vitest';
import { activationValues, explorerRows, SELU_SCALE, SELU_SCALE_ALPHA } from './activation-curves';
import { EXPLORER_POINTS } from './activation-series';
import { EXPLORER_ENTRIES } from './explorer-catalog';

// Agreement with tfjs itself is checked in src/training/activation-parity.test.ts.
const at = (id: Parameters<typeof activationValues>[0], x: number, alpha = 0) => {
  const { y, dy } = activationValues(id, [x], alpha);
  return [y[0], dy[0]];
};

describe('activation curves', () => {
  it('draws every explorer entry with finite values over the widest range', () => {
    for (const e of EXPLORER_ENTRIES) {
      expect(explorerRows(e.id, e.alpha?.default ?? 0, -50, 50), e.id).toHaveLength(
        EXPLORER_POINTS,
      );
    }
  });

  it('knows the textbook values', () => {
    expect(at('softplus', 0)[0]).toBeCloseTo(Math.LN2, 12);
    expect(at('sigmoid', 0)).toEqual([0.5, 0.25]);
    expect(at('tanh', 0)).toEqual([0, 1]);
    expect(at('selu', 1)).toEqual([SELU_SCALE, SELU_SCALE]);
    expect(at('selu', -1)[0]).toBeCloseTo(SELU_SCALE_ALPHA * (Math.exp(-1) - 1), 12);
    expect(at('hard_sigmoid', 1)).toEqual([0.7, 0.2]);
    expect(at('hard_sigmoid', 3)).toEqual([1, 0]);
    expect(at('gelu', 1)[0]).toBeCloseTo(0.841345, 6);
  });

  it('scales the negative side by alpha for ELU, LeakyReLU and PReLU', () => {
    expect(at('elu', -1, 0.5)[0]).toBeCloseTo(0.5 * (Math.exp(-1) - 1), 12);
    expect(at('elu', -1, 0.5)[1]).toBeCloseTo(0.5 * Math.exp(-1), 12);
    expect(at('leaky_relu', -2, 0.3)[0]).toBeCloseTo(-0.6, 12);
    expect(at('leaky_relu', -2, 0.3)[1]).toBe(0.3);
    expect(at('prelu', 3, 0.1)).toEqual([3, 1]);
  });
});
