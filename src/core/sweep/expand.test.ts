import { describe, expect, it } from 'vitest';
import { specFrom } from '../spec-from';
import { defaultTrainingSettings, type RunSettings } from '../training/settings';
import { defaultSweepDefinition, type SweepDefinition, type SweepParam } from './definition';
import { planSweep, type SweepBase } from './expand';
import { gridValues, sampleValue } from './space';
import { createRng } from '../../data/random';

const spec = specFrom([
  ['Input', { shape: [8, 1] }],
  ['Conv1D', { filters: 4, kernel_size: 3 }],
  ['Flatten', {}],
  ['Dense', { units: 8, activation: 'relu' }],
  ['Dense', { units: 1, activation: 'sigmoid' }],
]);
const settings: RunSettings = { ...defaultTrainingSettings, loss: 'binary_crossentropy' };
const base: SweepBase = {
  spec,
  settings,
  data: { xShape: [100, 8, 1], yShape: [100, 1], numClasses: 2, trainCount: 80 },
};
const conv = spec.layers[1]!.id;
const dense = spec.layers[3]!.id;

const def = (params: SweepParam[], patch: Partial<SweepDefinition> = {}): SweepDefinition => ({
  ...defaultSweepDefinition(),
  params,
  ...patch,
});
const lr = (values: number[]): SweepParam => ({
  target: { kind: 'setting', name: 'learningRate' },
  space: { type: 'Choice', values },
});
const units = (values: number[]): SweepParam => ({
  target: { kind: 'layer', layerId: dense, arg: 'units' },
  space: { type: 'Choice', values },
});

describe('gridValues', () => {
  it('lists an Int range by its step, and a log range by its factor', () => {
    const int = { type: 'Int', min_value: 8, max_value: 32, step: 8, sampling: 'linear' } as const;
    expect(gridValues(int)).toEqual({ ok: true, value: [8, 16, 24, 32] });
    const log = {
      type: 'Float',
      min_value: 1e-4,
      max_value: 0.1,
      step: 10,
      sampling: 'log',
    } as const;
    expect(gridValues(log)).toEqual({ ok: true, value: [0.0001, 0.001, 0.01, 0.1] });
    const int2 = { type: 'Int', min_value: 4, max_value: 64, step: null, sampling: 'log' } as const;
    expect(gridValues(int2)).toEqual({ ok: true, value: [4, 8, 16, 32, 64] });
    const lin = {
      type: 'Float',
      min_value: 0,
      max_value: 0.5,
      step: 0.1,
      sampling: 'linear',
    } as const;
    expect(gridValues(lin)).toEqual({ ok: true, value: [0, 0.1, 0.2, 0.3, 0.4, 0.5] });
  });

  it('refuses ranges it cannot list, saying why', () => {
    const noStep = {
      type: 'Float',
      min_value: 0,
      max_value: 1,
      step: null,
      sampling: 'linear',
    } as const;
    expect(gridValues(noStep)).toMatchObject({ ok: false, reason: /needs a step/ });
    const logZero = {
      type: 'Float',
      min_value: 0,
      max_value: 1,
      step: 10,
      sampling: 'log',
    } as const;
    expect(gridValues(logZero)).toMatchObject({ ok: false, reason: /above 0/ });
    const upside = {
      type: 'Int',
      min_value: 5,
      max_value: 1,
      step: 1,
      sampling: 'linear',
    } as const;
    expect(gridValues(upside)).toMatchObject({ ok: false, reason: /above max_value/ });
  });
});

describe('sampleValue', () => {
  it('draws a log range evenly in its logarithm, inside the range', () => {
    const rng = createRng(7);
    const space = {
      type: 'Float',
      min_value: 1e-4,
      max_value: 1,
      step: null,
      sampling: 'log',
    } as const;
    const xs = Array.from({ length: 400 }, () => {
      const r = sampleValue(space, rng);
      if (!r.ok) throw new Error(r.reason);
      return r.value as number;
    });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(1e-4);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1);
    // Each decade gets about a quarter of the draws (a linear draw would put ~90% in the top one).
    const below = xs.filter((x) => x < 0.01).length / xs.length;
    expect(below).toBeGreaterThan(0.4);
    expect(below).toBeLessThan(0.6);
  });
});

describe('planSweep', () => {
  it('crosses a grid of two things into every combination, the last changing fastest', () => {
    const r = planSweep(def([lr([0.01, 0.1]), units([4, 16])]), base);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.labels).toEqual(['learning rate', 'dense.units']);
    expect(r.value.runs.map((x) => x.values)).toEqual([
      [0.01, 4],
      [0.01, 16],
      [0.1, 4],
      [0.1, 16],
    ]);
    const last = r.value.runs[3]!;
    expect(last.settings.learningRate).toBe(0.1);
    expect(last.spec.layers[3]!.params).toMatchObject({ units: 16 });
    // The experiment the sweep started from is not touched.
    expect(spec.layers[3]!.params).toMatchObject({ units: 8 });
  });

  it('refuses a grid over the cap of 64 runs, naming the count', () => {
    const big = def([lr([1, 2, 3, 4, 5, 6, 7, 8, 9]), units([1, 2, 3, 4, 5, 6, 7, 8])]);
    expect(planSweep(big, base)).toMatchObject({
      ok: false,
      reason: /9 × 8 = 72 runs, over the limit of 64/,
    });
  });

  it('draws the same random runs from the same seed and others from another', () => {
    const space: SweepParam = {
      target: { kind: 'setting', name: 'learningRate' },
      space: { type: 'Float', min_value: 1e-4, max_value: 0.1, step: null, sampling: 'log' },
    };
    const values = (seed: number) => {
      const r = planSweep(def([space], { strategy: 'random', count: 6, seed }), base);
      if (!r.ok) throw new Error(r.reason);
      return r.value.runs.map((x) => x.values[0]);
    };
    expect(values(3)).toHaveLength(6);
    expect(values(3)).toEqual(values(3));
    expect(values(4)).not.toEqual(values(3));
  });

  it('does not draw a combination twice, and says when fewer exist than asked for', () => {
    const r = planSweep(def([lr([0.1, 0.01])], { strategy: 'random', count: 5, seed: 1 }), base);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.runs).toHaveLength(2);
    expect(r.value.note).toMatch(/Only 2 different combinations/);
  });

  it('lists combinations whose shapes no longer fit, with the reason, and runs the rest', () => {
    // A kernel of 9 does not fit 8 steps; 3 and 5 do.
    const kernel: SweepParam = {
      target: { kind: 'layer', layerId: conv, arg: 'kernel_size' },
      space: { type: 'Choice', values: [3, 9, 5] },
    };
    const r = planSweep(def([kernel]), base);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.runs.map((x) => x.values)).toEqual([[3], [5]]);
    expect(r.value.runs[1]!.spec.layers[1]!.params).toMatchObject({ kernel_size: 5 });
    expect(r.value.skipped).toHaveLength(1);
    expect(r.value.skipped[0]!.values).toEqual([9]);
    expect(r.value.skipped[0]!.reason).toMatch(/conv1d/);
  });

  it('skips values out of an argument or setting range with the rule broken', () => {
    const r = planSweep(def([units([0, 8])]), base);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.skipped[0]!.reason).toMatch(/units must be an integer between 1 and 4096/);
    const bs: SweepParam = {
      target: { kind: 'setting', name: 'batchSize' },
      space: { type: 'Choice', values: [16, 0] },
    };
    const b = planSweep(def([bs]), base);
    expect(b.ok && b.value.skipped[0]!.reason).toMatch(/^batch size/);
  });

  it('refuses a target that is gone or varied twice', () => {
    const gone: SweepParam = {
      target: { kind: 'layer', layerId: 'nope', arg: 'units' },
      space: { type: 'Choice', values: [1] },
    };
    expect(planSweep(def([gone]), base)).toMatchObject({
      ok: false,
      reason: /no longer in the model/,
    });
    expect(planSweep(def([lr([1]), lr([2])]), base)).toMatchObject({
      ok: false,
      reason: /varied twice/,
    });
  });
});
