import { readSweepRecord, type SweepRecord } from '../core/sweep/results';

/** Where a sweep's results are kept between visits: IndexedDB, one record per experiment. */
export interface SweepDb {
  get(key: string): Promise<SweepRecord | null>;
  /** Null once stored; else why not (the results then last this visit only). */
  put(key: string, rec: SweepRecord): Promise<string | null>;
}

const DB = 'layerlab-sweeps';
const STORE = 'sweeps';

/** The experiment's key: its saved-experiment id, or one key for a page with no library. */
export const sweepKey = (experimentId: string | null) => experimentId ?? 'unsaved';

export function browserSweepDb(idb: IDBFactory | undefined = globalThis.indexedDB): SweepDb {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () => {
    if (!idb) return Promise.reject(new Error('This browser keeps no IndexedDB here.'));
    opened ??= new Promise((resolve, reject) => {
      const r = idb.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('IndexedDB did not open'));
    });
    return opened;
  };
  return {
    get: async (key) => {
      try {
        const tx = (await open()).transaction(STORE, 'readonly');
        const req = tx.objectStore(STORE).get(key);
        const raw = await new Promise<unknown>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
        });
        if (raw === undefined) return null;
        const rec = readSweepRecord(raw);
        return rec.ok ? rec.value : null;
      } catch {
        return null;
      }
    },
    put: async (key, rec) => {
      try {
        const tx = (await open()).transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put(rec, key);
        // A full disk shows only when the transaction commits, not on the request.
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
        });
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
