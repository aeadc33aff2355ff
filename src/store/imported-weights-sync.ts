import type { StoreApi } from 'zustand';
import type { WeightsDb } from './imported-weights-db';
import type { AppState } from './store';
import { weightsNotKept } from './storage-notices';

/**
 * Keeps each experiment's imported weights across visits: loads them when an experiment opens
 * (at start-up too), saves or deletes them when the user imports or lets them go, and deletes
 * them with their experiment. Returns a function that stops.
 */
export function syncImportedWeights(
  store: Pick<StoreApi<AppState>, 'getState' | 'subscribe'>,
  db: WeightsDb,
): () => void {
  let applying = false;
  const apply = (w: AppState['initialWeights']) => {
    applying = true;
    try {
      store.getState().setInitialWeights(w);
    } finally {
      applying = false;
    }
  };
  const load = async (id: string | null) => {
    const w = id ? await db.get(id) : null;
    // Another experiment may have opened meanwhile; an import meanwhile wins too.
    const s = store.getState();
    if (s.activeExperimentId === id && s.initialWeights === null) apply(w);
  };
  void load(store.getState().activeExperimentId);
  return store.subscribe((s, prev) => {
    if (s.library !== prev.library) {
      const kept = new Set(s.library.map((e) => e.id));
      for (const e of prev.library) if (!kept.has(e.id)) void db.remove(e.id);
    }
    if (s.activeExperimentId !== prev.activeExperimentId) {
      apply(null);
      void load(s.activeExperimentId);
      return;
    }
    if (s.initialWeights === prev.initialWeights || applying || !s.activeExperimentId) return;
    const id = s.activeExperimentId;
    if (!s.initialWeights) return void db.remove(id);
    void db.put(id, s.initialWeights).then((fault) => {
      if (fault) store.getState().pushShareNotice(weightsNotKept(fault));
    });
  });
}
