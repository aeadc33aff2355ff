import type { StoreApi } from 'zustand';
import type { AppState } from '../../store/store';
import { isActive } from '../../core/training/run-state';
import { resolveLoss } from '../../core/training/compat';
import type { RunConfig } from '../../core/charts/saved-run';

/** What the run about to start trains: the model, settings (loss resolved) and the data. */
export function configOf(s: AppState): RunConfig {
  const suggested = s.prepared.ok ? s.prepared.value.suggestedOutput.loss : 'mse';
  return {
    spec: s.spec,
    settings: { ...s.trainingSettings, loss: resolveLoss(s.trainingSettings.loss, suggested) },
    data: {
      config: s.datasetConfig,
      summary: s.prepared.ok ? s.prepared.value.description : '',
    },
  };
}

/**
 * Keeps every run in the history when it ends. The configuration is captured when the run
 * starts: by the time an edit ends a run, the store already holds the edited model.
 * Returns the unsubscribe function.
 */
export function recordRuns(store: Pick<StoreApi<AppState>, 'subscribe'>): () => void {
  return store.subscribe((s, prev) => {
    const { run } = s;
    // A sweep keeps its own runs' results (sweep-slice.ts), not the run history.
    if (s.sweepRunIds.includes(run.id)) return;
    if (run.status === 'starting' && prev.run.status !== 'starting') {
      s.setLiveConfig(configOf(s));
      return;
    }
    if (!isActive(prev.run.status) || isActive(run.status)) return;
    // Reset empties the run at once: keep what it had trained until then.
    const from = run.status === 'idle' ? prev.run : run;
    if (!s.liveConfig || from.losses.length === 0 || s.sweepRunIds.includes(from.id)) return;
    s.keepRun({
      createdAt: Date.now(),
      sourceRunId: from.id,
      outcome: run.status === 'idle' ? 'stopped' : run.status,
      message: from.message,
      backend: from.backend,
      config: s.liveConfig,
      epochs: from.epochs,
      losses: from.losses,
      batchesPerEpoch: from.batchesPerEpoch,
    });
  });
}
