import { createStore, get, set, type UseStore } from 'idb-keyval';
import { readSweepRecord, type SweepRecord } from '../core/sweep/results';

/** Where a sweep's results are kept between visits: IndexedDB, one record per experiment. */
export interface SweepDb {
  get(key: string): Promise<SweepRecord | null>;
  /** Null once stored; else why not (the results then last this visit only). */
  put(key: string, rec: SweepRecord): Promise<string | null>;
}

/** Names kept from the first version, so sweeps saved then still load: a key per experiment. */
const DB = 'layerlab-sweeps';
const STORE = 'sweeps';

/** The experiment's key: its saved-experiment id, or one key for a page with no library. */
export const sweepKey = (experimentId: string | null) => experimentId ?? 'unsaved';

/**
 * IndexedDB through idb-keyval. A browser without it, or one that refuses (private mode), reads
 * as "nothing saved"; a write that fails (a full disk shows when the transaction commits, which
 * idb-keyval waits for) says why.
 */
export function browserSweepDb(): SweepDb {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(DB, STORE));
  return {
    get: async (key) => {
      try {
        const raw: unknown = await get(key, db());
        if (raw === undefined) return null;
        const rec = readSweepRecord(raw);
        return rec.ok ? rec.value : null;
      } catch {
        return null;
      }
    },
    put: async (key, rec) => {
      try {
        await set(key, rec, db());
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  };
}

/** For tests and for a browser without IndexedDB: kept in memory, this visit only. */
export function memorySweepDb(): SweepDb & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => {
      const raw = data.get(key);
      if (raw === undefined) return null;
      const r = readSweepRecord(structuredClone(raw));
      return r.ok ? r.value : null;
    },
    put: async (key, rec) => {
      data.set(key, structuredClone(rec));
      return null;
    },
  };
}
