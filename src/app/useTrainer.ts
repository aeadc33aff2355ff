import { useEffect, useRef } from 'react';
import { createTrainerClient, type TrainerClient } from '../training/trainer-client';
import type { TrainingSettings } from '../core/training/settings';
import { useAppStore, type AppState } from '../store/store';
import { selectBackendChoice } from '../store/selectors';
import { batchedReceiver } from '../store/batched-receiver';
import { pageClock } from '../store/redraw-clock';

const sameExceptRate = (a: TrainingSettings, b: TrainingSettings) =>
  JSON.stringify({ ...a, learningRate: 0 }) === JSON.stringify({ ...b, learningRate: 0 });

/**
 * Editing what a run trains stops the run (rather than letting a stale model keep training
 * under curves that no longer match the screen); the learning rate alone changes live.
 */
function staleReason(s: AppState, prev: AppState): string | null {
  if (s.spec !== prev.spec)
    return 'The model changed, so training stopped: press Train to train the new model.';
  if (s.prepared !== prev.prepared)
    return 'The data changed, so training stopped: press Train to train on the new data.';
  if (!sameExceptRate(s.trainingSettings, prev.trainingSettings)) {
    return 'A training setting changed, so training stopped: press Train to use it.';
  }
  return null;
}

/** Owns the trainer (worker, or the page as a fallback) for the page's lifetime. */
export function useTrainer(): void {
  const choice = useAppStore(selectBackendChoice);
  const client = useRef<TrainerClient | null>(null);

  useEffect(() => {
    const store = useAppStore;
    const events = batchedReceiver((event) => store.getState().receive(event), pageClock);
    const c = createTrainerClient(
      (event) => events.receive(event),
      (mode) => store.setState({ trainerMode: mode }),
    );
    client.current = c;
    store.getState().attachTrainer(c, store.getState().trainerMode ?? 'worker');
    const unsubscribe = store.subscribe((s, prev) => {
      const reason = staleReason(s, prev);
      if (reason) s.invalidateRun(reason);
    });
    return () => {
      unsubscribe();
      events.flush();
      c.dispose();
      client.current = null;
      store.getState().attachTrainer(null);
    };
  }, []);

  useEffect(() => {
    client.current?.send({ type: 'init', backend: choice });
  }, [choice]);
}
