import { describe, expect, it } from 'vitest';
import { joinRows, recurrentMarkdown, recurrentPlan, rowOf, VARIANTS } from './fused-recurrent.mjs';

const run = (...samplesPerSec) => ({
  ok: true,
  samplesPerSec,
  batchesPerEpoch: 2,
  dispatchesPerBatch: 91,
  report: 'Recurrent kernels: lstm runs the fused WebGPU kernel.',
  finalLoss: 0.1,
});
const base = (variant, kind = 'LSTM', steps = 32) => ({ kind, variant, steps, samples: 1024 });

describe('fused recurrent bench rows', () => {
  it('bounds every slow implementation at every full-size shape', () => {
    const { shapes, repeats } = recurrentPlan(false);
    expect(shapes.map((s) => `${s.samples}×${s.steps}`)).toEqual(['1024×32', '256×200']);
    expect(repeats).toBeGreaterThanOrEqual(2);
    for (const v of VARIANTS)
      for (const s of shapes) expect(v.maxBatches[s.steps], v.name).toBeGreaterThanOrEqual(1);
  });

  it('gives the median of every measured epoch and the spread of the repeats', () => {
    const row = rowOf(base('fused webgpu'), [run(100, 120), run(90, 95)]);
    expect(row).toMatchObject({ ok: true, samplesPerSec: 95, spread: [90, 100], repeats: 2 });
    expect(row.perEpoch).toEqual([
      [100, 120],
      [90, 95],
    ]);
    expect(row).toMatchObject({ batchesPerEpoch: 2, epochsMeasured: 2, dispatchesPerBatch: 91 });
    const failed = rowOf(base('tfjs webgpu'), [run(5, 6), { ok: false, reason: 'over 300 s' }]);
    expect(failed).toMatchObject({ ok: false, reason: 'over 300 s' });
  });

  it('states how many times faster the fused row is, and what was measured', () => {
    const rows = joinRows([
      [rowOf(base('tfjs webgpu'), [run(10, 10)])],
      [rowOf(base('fused webgpu'), [run(200, 200), run(200, 200)])],
      [rowOf(base('tfjs wasm', 'LSTM', 200), [run(40, 40)])],
    ]);
    expect(rows.map((r) => r.variant)).toEqual(['fused webgpu', 'tfjs webgpu', 'tfjs wasm']);
    const md = recurrentMarkdown(rows);
    expect(md).toContain(
      '| LSTM(32) | 1024 × 32 | tfjs webgpu | 10.0 | 10.0–10.0 | 2 × 2 × 1 | 20.0× | 91 |',
    );
    expect(md).toContain(
      '| LSTM(32) | 1024 × 32 | fused webgpu | 200 | 200–200 | 2 × 2 × 2 | – | 91 |',
    );
    // No fused row at 200 steps: no ratio rather than a wrong one.
    expect(md).toMatch(
      /\| LSTM\(32\) \| 1024 × 200 \| tfjs wasm \| 40.0 \| [^|]+ \| [^|]+ \| – \|/,
    );
  });
});
