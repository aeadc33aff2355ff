import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';
import type { TimelineEntry } from '../core/timeline/history';
import { timelineSnapshotSchema } from '../core/timeline/timeline-types';
import { probeSnapshotSchema } from '../core/training/probe-types';

/**
 * The timelines of the runs in the history, by saved run id, in IndexedDB (a long run's
 * snapshots are megabytes: too much for localStorage). Reads are checked like a link; a
 * browser without IndexedDB, or a full one, keeps them for this visit only.
 */
export interface TimelineDb {
  get(runId: string): Promise<TimelineEntry[] | null>;
  /** Null once stored; else why not. */
  put(runId: string, entries: readonly TimelineEntry[]): Promise<string | null>;
  /** Removes every timeline whose run is not in `keep`. */
  prune(keep: readonly string[]): Promise<void>;
}

const entriesSchema = z.array(
  z.object({
    epoch: z.int().min(0),
    probe: probeSnapshotSchema,
    timeline: timelineSnapshotSchema,
    bytes: z.number().min(0),
  }),
);

export function browserTimelineDb(): TimelineDb {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore('layerlab-timelines', 'runs'));
  return {
    get: async (runId) => {
      try {
        const parsed = entriesSchema.safeParse(await get(runId, db()));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    put: async (runId, entries) => {
      try {
        await set(runId, entries, db());
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
    prune: async (keep) => {
      try {
        const wanted = new Set(keep);
        for (const k of await keys(db())) if (!wanted.has(String(k))) await del(k, db());
      } catch {
        // Nothing to prune where nothing could be stored.
      }
    },
  };
}
