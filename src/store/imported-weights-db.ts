import { importedWeightsSchema, type ImportedWeights } from '../core/export/weights-manifest';
import { faultOf } from './safe-storage';
import type { StorageFault } from './storage-notices';

/** Where imported weights are kept between visits, by experiment id. */
export interface WeightsDb {
  get(id: string): Promise<ImportedWeights | null>;
  /** Null once stored; else why not, so the user can be told the weights last this visit only. */
  put(id: string, w: ImportedWeights): Promise<StorageFault | null>;
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
 * one that refuses (private mode) or is full, keeps the weights for this visit only: reads fail
 * as "none", writes say why they failed.
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
      try {
        const tx = (await open()).transaction(STORE, 'readwrite');
        tx.objectStore(STORE).put(w, id);
        // A full disk shows only when the transaction commits, not on the request.
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
        });
        return null;
      } catch (error) {
        return faultOf(error);
      }
    },
    remove: async (id) => {
      await run('readwrite', (s) => s.delete(id)).catch(() => undefined);
    },
  };
}
