import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../core/timeline/history';
import { createAppStore } from './store';
import type { TimelineDb } from './timeline-db';
import { syncTimelines } from './timeline-sync';

/** The storage the sync writes to, kept in memory: IndexedDB itself is covered by e2e. */
function memoryDb(fault: string | null = null) {
  const saved = new Map<string, readonly TimelineEntry[]>();
  const db: TimelineDb = {
    get: async (id) => (saved.get(id) as TimelineEntry[] | undefined) ?? null,
    put: async (id, entries) => {
      if (fault) return fault;
      saved.set(id, entries);
      return null;
    },
    prune: async (keep) => {
      for (const k of [...saved.keys()]) if (!keep.includes(k)) saved.delete(k);
    },
  };
  return { db, saved };
}

const entry = (epoch: number): TimelineEntry => ({
  epoch,
  probe: { epoch, batch: 1, layers: [], pooling: [], predictions: null, extra: null },
  timeline: { weights: [], globalGradNorm: 1, embedding: null },
  bytes: 10,
});

const settle = () => new Promise((r) => setTimeout(r, 0));

function keepRun(store: ReturnType<typeof createAppStore>) {
  const s = store.getState();
  return s.keepRun({
    createdAt: 1,
    sourceRunId: s.run.id,
    outcome: 'finished',
    message: null,
    backend: 'cpu',
    config: {
      spec: s.spec,
      settings: { ...s.trainingSettings, loss: 'mse' },
      data: { config: s.datasetConfig, summary: '' },
    },
    epochs: [],
    losses: [{ epoch: 1, batch: 1, loss: 1 }],
    batchesPerEpoch: 1,
  });
}

describe('timeline sync', () => {
  it('stores a kept run’s timeline under its id and drops it with the run', async () => {
    const store = createAppStore();
    const { db, saved } = memoryDb();
    const stop = syncTimelines(store, db);
    store.setState((s) => ({ run: { ...s.run, id: 7, timeline: [entry(0), entry(1)] } }));
    const run = keepRun(store);
    await settle();
    expect(saved.get(run.id)?.map((e) => e.epoch)).toEqual([0, 1]);
    store.getState().deleteRun(run.id);
    await settle();
    expect(saved.has(run.id)).toBe(false);
    stop();
  });

  it('says so when the browser will not store it, and a new run sends the scrubber back to live', async () => {
    const store = createAppStore();
    const { db } = memoryDb('QuotaExceededError');
    const stop = syncTimelines(store, db);
    store.setState((s) => ({ run: { ...s.run, id: 3, timeline: [entry(0)] } }));
    keepRun(store);
    await settle();
    expect(store.getState().timelineNotice).toMatch(/lasts this visit only.*QuotaExceededError/);
    store.getState().setTimelineAt(0);
    store.setState((s) => ({ run: { ...s.run, id: 4 } }));
    expect(store.getState().timelineAt).toBeNull();
    stop();
  });
});
