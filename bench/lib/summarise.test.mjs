import { describe, expect, it } from 'vitest';
import { makePlan } from './plan.mjs';
import { summariseRun } from './summarise.mjs';

const app = (samplesPerSec, extra = {}) => ({ ok: true, samplesPerSec, ...extra });
const bare = (samplesPerSec, memory = null) => ({
  speed: { ok: true, samplesPerSec },
  memory,
  pageErrors: [],
});
const memory = { ok: false, reason: 'not run' };

describe('training speed rows from repetitions', () => {
  it('takes the median of the repetitions’ ratios and shows their range', () => {
    const r = summariseRun({ workload: 'conv' }, [
      { bare: bare(1000, memory), app: app(800, { tag: 'a' }) },
      { app: app(990, { tag: 'b' }), bare: bare(1000) },
      { bare: bare(900), app: app(870, { tag: 'c' }), folded: app(990) },
    ]);
    expect(r.foldedRatio).toBe(1.1);
    expect(r.ratios).toEqual([0.8, 0.99, 0.967]);
    expect(r.ratio).toBe(0.967);
    expect(r.ratioOk).toBe(true);
    expect(r.ratioRange).toEqual([0.8, 0.99]);
    // The row's other figures come from the median repetition, the memory from the first bare.
    expect(r.app.tag).toBe('c');
    expect(r.bare.samplesPerSec).toBe(900);
    expect(r.memory).toEqual(memory);
  });

  it('stands an even count for the repetition nearest the median, and skips failed ones', () => {
    const failed = { ok: false, reason: 'x' };
    const r = summariseRun({}, [
      { bare: bare(1000), app: app(900, { tag: 'a' }) },
      { bare: bare(1000), app: failed },
      { bare: bare(1000), app: app(1000, { tag: 'b' }) },
    ]);
    expect(r.ratio).toBe(0.95);
    expect(['a', 'b']).toContain(r.app.tag);
    expect(r.ratioRange).toEqual([0.9, 1]);
  });

  it('gives no ratio and no range for one failed repetition', () => {
    const r = summariseRun({}, [{ bare: bare(1000), app: { ok: false, reason: 'x' } }]);
    expect(r.ratio).toBeNull();
    expect(r.ratioOk).toBeNull();
    expect(r.ratioRange).toBeNull();
  });

  it('measures every row for at least 8 epochs where epochs are short, 3 times in a full run', () => {
    const full = makePlan({ quick: false, backends: ['wasm'], workloads: ['conv', 'mnist'] });
    expect(full.runs.map((r) => [r.workload, r.epochs, r.reps])).toEqual([
      ['conv', 16, 3],
      ['mnist', 4, 3],
    ]);
    const quick = makePlan({ quick: true, backends: ['wasm'], workloads: ['conv'] });
    expect(quick.runs[0].reps).toBe(1);
  });
});
