import { importedWeightsSchema, type ImportedWeights } from '../core/export/weights-manifest';

/** Where imported weights are kept between visits, by experiment id. */
export interface WeightsDb {
  get(id: string): Promise<ImportedWeights | null>;
  put(id: string, w: ImportedWeights): Promise<void>;
  remove(id: string): Promise<void>;
}

const DB = 'layerlab-imported-weights';
const STORE = 'weights';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * IndexedDB in the page (the buffers are too big for localStorage). A browser without it, or
 * one that refuses (private mode), keeps the weights for this visit only: errors read as "none".
 */
export function browserWeightsDb(idb: IDBFactory | undefined = globalThis.indexedDB): WeightsDb {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () => {
    if (!idb) return Promise.reject(new Error('no IndexedDB'));
    opened ??= new Promise((resolve, reject) => {
      const r = idb.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('IndexedDB did not open'));
    });
    return opened;
  };
  const run = async <T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>) =>
    request(f((await open()).transaction(STORE, mode).objectStore(STORE)));
  return {
    get: async (id) => {
      try {
        const parsed = importedWeightsSchema.safeParse(await run('readonly', (s) => s.get(id)));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    put: async (id, w) => {
      await run('readwrite', (s) => s.put(w, id)).catch(() => undefined);
    },
    remove: async (id) => {
      await run('readwrite', (s) => s.delete(id)).catch(() => undefined);
    },
  };
}
