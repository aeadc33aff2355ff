import { createStore, del, get, set, type UseStore } from 'idb-keyval';
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

/** Names kept from the first version, so weights saved then still load. */
const DB = 'layerlab-imported-weights';
const STORE = 'weights';

/**
 * IndexedDB through idb-keyval (the buffers are too big for localStorage). A browser without
 * it, or one that refuses (private mode) or is full, keeps the weights for this visit only:
 * reads fail as "none", writes say why they failed (a full disk shows when the transaction
 * commits, which idb-keyval's set waits for).
 */
export function browserWeightsDb(): WeightsDb {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(DB, STORE));
  return {
    get: async (id) => {
      try {
        const parsed = importedWeightsSchema.safeParse(await get(id, db()));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    put: async (id, w) => {
      try {
        await set(id, w, db());
        return null;
      } catch (error) {
        return faultOf(error);
      }
    },
    remove: async (id) => {
      try {
        await del(id, db());
      } catch {
        // Nothing to remove where nothing could be stored.
      }
    },
  };
}
