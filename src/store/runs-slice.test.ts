import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from './store';
import { MAX_RUNS, MAX_SAVED_POINTS } from '../core/charts/saved-run';
import { templateSpec } from '../core/templates';
import { defaultDatasetConfig } from '../data/config';
import { defaultTrainingSettings } from '../core/training/settings';
import { selectShownRuns } from './selectors';

const state = () => useAppStore.getState();
const config = {
  spec: templateSpec('mlp'),
  settings: { ...defaultTrainingSettings, loss: 'binary_crossentropy' },
  data: { config: defaultDatasetConfig, summary: '500 points' },
};
const keep = (batches = 10) =>
  state().keepRun({
    createdAt: 0,
    sourceRunId: 1,
    outcome: 'finished',
    message: null,
    backend: 'cpu',
    config,
    epochs: [{ epoch: 1, loss: 0.5, valLoss: 0.6, metrics: { accuracy: 0.8 }, valMetrics: {} }],
    losses: Array.from({ length: batches }, (_, i) => ({
      epoch: 1,
      batch: i + 1,
      loss: 1 / (i + 1),
    })),
    batchesPerEpoch: batches,
  });

beforeEach(() => useAppStore.setState({ runs: [], nextRunNumber: 1, liveConfig: null }));

describe('runs slice', () => {
  it('keeps runs numbered and named in order, with their configuration', () => {
    keep();
    keep();
    expect(state().runs.map((r) => [r.id, r.name])).toEqual([
      ['run-1', 'Run 1'],
      ['run-2', 'Run 2'],
    ]);
    expect(state().runs[0]?.config.settings.loss).toBe('binary_crossentropy');
  });

  it('stays plain JSON (it will be persisted as it is)', () => {
    keep(50);
    const runs = state().runs;
    expect(JSON.parse(JSON.stringify(runs))).toEqual(runs);
  });

  it('caps the points kept per run with LTTB, and the number of runs', () => {
    const big = keep(20_000);
    expect(big.batches.length).toBe(MAX_SAVED_POINTS);
    expect(big.batchCount).toBe(20_000);
    expect(big.batches[0]).toEqual({ x: 1, y: 1 });
    for (let i = 0; i < MAX_RUNS + 3; i++) keep(2);
    expect(state().runs).toHaveLength(MAX_RUNS);
    expect(state().runs.at(-1)?.name).toBe(`Run ${MAX_RUNS + 4}`);
  });

  it('renames with a trimmed name and refuses an empty one', () => {
    const r = keep();
    expect(state().renameRun(r.id, '  big   lr ')).toEqual({ ok: true });
    expect(state().runs[0]?.name).toBe('big lr');
    const refused = state().renameRun(r.id, '   ');
    expect(refused.ok).toBe(false);
    expect(state().runs[0]?.name).toBe('big lr');
  });

  it('shows runs for overlay and deletes them; numbers are never reused', () => {
    const a = keep();
    const b = keep();
    state().setRunShown(b.id, true);
    expect(selectShownRuns(state()).map((r) => r.id)).toEqual([b.id]);
    expect(selectShownRuns(state())).toBe(selectShownRuns(state()));
    state().deleteRun(a.id);
    state().deleteRun(b.id);
    expect(state().runs).toEqual([]);
    expect(keep().name).toBe('Run 3');
  });
});
