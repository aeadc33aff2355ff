import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { activationRows, linspace } from '../../core/charts/activation-series';
import { computeActivation } from './activation-values';
import { EXPLORER_ENTRIES, type ExplorerId } from './explorer-catalog';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** f and f′ at the given points, computed by the explorer's own tfjs code. */
async function at(id: ExplorerId, xs: number[], alpha = 0) {
  const v = await computeActivation(tf, id, Float32Array.from(xs), alpha);
  return { y: Array.from(v.y), dy: Array.from(v.dy) };
}

describe('activation explorer values (tfjs CPU)', () => {
  it('selu(1) = 1.0507… and selu(−1) = 1.0507 · 1.6733 · (e⁻¹ − 1)', async () => {
    const { y } = await at('selu', [1, -1]);
    expect(y[0]).toBeCloseTo(1.0507, 4);
    expect(y[1]).toBeCloseTo(1.0507 * 1.67326 * (Math.exp(-1) - 1), 4);
  });

  it('hard_sigmoid is clip(0.2x + 0.5, 0, 1), as tfjs defines it', async () => {
    const xs = [-4, -2.5, -1, 0, 1, 2.5, 4];
    const { y, dy } = await at('hard_sigmoid', xs);
    xs.forEach((x, i) => expect(y[i]).toBeCloseTo(Math.min(1, Math.max(0, 0.2 * x + 0.5)), 6));
    expect(dy[3]).toBeCloseTo(0.2, 6);
    expect(dy[0]).toBe(0);
  });

  it('elu(−1) = e⁻¹ − 1, and alpha scales the negative side', async () => {
    expect((await at('elu', [-1], 1)).y[0]).toBeCloseTo(Math.exp(-1) - 1, 6);
    const scaled = await at('elu', [-1, 2], 0.5);
    expect(scaled.y[0]).toBeCloseTo(0.5 * (Math.exp(-1) - 1), 6);
    expect(scaled.y[1]).toBeCloseTo(2, 6);
    expect(scaled.dy[0]).toBeCloseTo(0.5 * Math.exp(-1), 5);
  });

  it('softplus(0) = ln 2', async () => {
    expect((await at('softplus', [0])).y[0]).toBeCloseTo(Math.LN2, 6);
  });

  it('LeakyReLU and PReLU use alpha for negative inputs', async () => {
    const leaky = await at('leaky_relu', [-2, 3], 0.3);
    expect(leaky.y[0]).toBeCloseTo(-0.6, 6);
    expect(leaky.y[1]).toBeCloseTo(3, 6);
    expect(leaky.dy[0]).toBeCloseTo(0.3, 6);
    const prelu = await at('prelu', [-2, 3], 0.1);
    expect(prelu.y[0]).toBeCloseTo(-0.2, 6);
    expect(prelu.dy[1]).toBeCloseTo(1, 6);
  });

  it("the derivative comes from tf.grad: tanh'(0) = 1, sigmoid'(0) = 1/4", async () => {
    expect((await at('tanh', [0])).dy[0]).toBeCloseTo(1, 6);
    expect((await at('sigmoid', [0])).dy[0]).toBeCloseTo(0.25, 6);
  });

  it('softmax is plotted as the first output for logits (x, 0)', async () => {
    const { y, dy } = await at('softmax', [0, Math.log(3)]);
    expect(y[0]).toBeCloseTo(0.5, 6);
    expect(y[1]).toBeCloseTo(0.75, 6);
    expect(dy[0]).toBeCloseTo(0.25, 5);
  });

  it('computes every catalog entry over a range without leaking tensors', async () => {
    const xs = linspace(-3, 3, 61);
    const before = tf.memory().numTensors;
    for (const e of EXPLORER_ENTRIES) {
      const v = await computeActivation(tf, e.id, xs, e.alpha?.default ?? 0);
      const rows = activationRows(xs, v.y, v.dy);
      expect(rows, e.id).toHaveLength(61);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
