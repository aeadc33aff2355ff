import { describe, expect, it } from 'vitest';
import {
  MAX_LAYERS,
  MEMORY_BUDGET_BYTES,
  checkLimits,
  estimateMemory,
  formatBytes,
  guardEdit,
} from './limits';
import { counterIds, createLayer, insertLayer, type ModelSpec } from './model-spec';
import type { LayerSpec } from './layers/catalog';

const ids = counterIds();
const input = (shape: number[]) => ({ ...createLayer('Input', ids()), params: { shape } });
const dense = (units: number) =>
  ({
    ...createLayer('Dense', ids()),
    params: { units, activation: 'relu', use_bias: true },
  }) as LayerSpec;
const model = (...layers: LayerSpec[]): ModelSpec => ({ layers });

describe('estimateMemory', () => {
  it('counts weights four times (weight, gradient, Adam m and v) and activations twice per example', () => {
    const e = estimateMemory(model(input([2]), dense(8)), 32);
    expect(e.trainable).toBe(2 * 8 + 8);
    expect(e.weightBytes).toBe(24 * 4 * 4);
    // Input (2 values) + Dense (8 values), forward and backward, for 32 examples.
    expect(e.activationBytes).toBe((2 + 8) * 4 * 2 * 32);
    expect(e.totalBytes).toBe(e.weightBytes + e.activationBytes);
  });

  it('counts non-trainable weights once (BatchNormalization moving mean and variance)', () => {
    const e = estimateMemory(model(input([10]), createLayer('BatchNormalization', ids())), 1);
    expect(e.trainable).toBe(20);
    expect(e.nonTrainable).toBe(20);
    expect(e.weightBytes).toBe(20 * 16 + 20 * 4);
  });

  it('counts layers below a shape error as zero rather than failing', () => {
    const e = estimateMemory(model(input([4]), createLayer('LSTM', ids()), dense(4)));
    expect(e.trainable).toBe(0);
    expect(e.layers).toBe(3);
  });
});

describe('checkLimits', () => {
  it('accepts a small model', () => {
    expect(checkLimits(model(input([2]), dense(8), dense(1))).ok).toBe(true);
  });

  it(`refuses more than ${MAX_LAYERS} layers, saying how many`, () => {
    const layers = [input([2]), ...Array.from({ length: MAX_LAYERS }, () => dense(1))];
    const r = checkLimits(model(...layers));
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('at most 50 layers') });
    expect(!r.ok && r.reason).toContain('would have 51');
    expect(checkLimits(model(...layers.slice(0, MAX_LAYERS))).ok).toBe(true);
  });

  it('refuses weights over the budget, quoting the estimated memory', () => {
    const big = model(input([4096]), dense(4096), dense(4096), dense(4096));
    const e = estimateMemory(big);
    expect(e.totalBytes).toBeGreaterThan(MEMORY_BUDGET_BYTES);
    const r = checkLimits(big);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toContain(`about ${formatBytes(e.totalBytes)}`);
    expect(r.reason).toContain('50,343,936 parameters');
    expect(r.reason).toContain('512 MB budget');
  });

  it('refuses activations over the budget even with few weights (a large image)', () => {
    const r = checkLimits(model(input([1024, 1024, 3]), createLayer('Conv2D', ids())));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/activations for a batch of 32: \d+(\.\d)? GB/);
  });
});

describe('guardEdit', () => {
  const small = model(input([4096]), dense(4096));
  const big = insertLayer(insertLayer(small, dense(4096)), dense(4096));

  it('lets an edit through when the result fits', () => {
    const after = insertLayer(small, dense(2));
    expect(guardEdit(small, after)).toEqual({ ok: true, value: after });
  });

  it('refuses an edit that takes the model over the limits', () => {
    expect(guardEdit(small, big).ok).toBe(false);
  });

  it('lets a model that is already too big shrink, but not grow', () => {
    const smaller = { layers: big.layers.slice(0, -1) };
    expect(guardEdit(big, smaller).ok).toBe(true);
    expect(guardEdit(smaller, big).ok).toBe(false);
  });
});

describe('formatBytes', () => {
  it('uses binary units with one decimal below 10', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(MEMORY_BUDGET_BYTES)).toBe('512 MB');
    expect(formatBytes(1.25 * 2 ** 30)).toBe('1.3 GB');
  });
});
