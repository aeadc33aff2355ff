import type { StateCreator } from 'zustand';
import {
  cleanRunName,
  MAX_RUN_NAME,
  MAX_RUNS,
  snapshotRun,
  type RunConfig,
  type RunToSave,
  type SavedRun,
} from '../core/charts/saved-run';
import type { AppMutators, AppState } from './store';

/**
 * The history of training runs, for comparing them. Everything in it is plain JSON (see
 * core/charts/saved-run.ts), so it can be persisted as it is. A run is kept when it ends;
 * `liveConfig` is what the run on screen was started with, captured at its start because the
 * model may have been edited (which is what ended the run) by the time it is kept.
 */
export interface RunsSlice {
  runs: SavedRun[];
  liveConfig: RunConfig | null;
  /** The next run number (never reused, so names and ids stay unique after deletes). */
  nextRunNumber: number;
  setLiveConfig(config: RunConfig | null): void;
  /** Keeps a run; the oldest runs go once there are MAX_RUNS. */
  keepRun(run: Omit<RunToSave, 'number'>): SavedRun;
  renameRun(id: string, name: string): { ok: true } | { ok: false; reason: string };
  deleteRun(id: string): void;
  setRunShown(id: string, shown: boolean): void;
}

export const createRunsSlice: StateCreator<AppState, AppMutators, [], RunsSlice> = (set, get) => ({
  runs: [],
  liveConfig: null,
  nextRunNumber: 1,
  setLiveConfig: (config) => set({ liveConfig: config }),
  keepRun: (run) => {
    const saved = snapshotRun({ ...run, number: get().nextRunNumber });
    set((s) => ({
      runs: [...s.runs, saved].slice(-MAX_RUNS),
      nextRunNumber: s.nextRunNumber + 1,
    }));
    return saved;
  },
  renameRun: (id, name) => {
    const clean = cleanRunName(name);
    if (clean === null) {
      return {
        ok: false,
        reason: `A run name needs 1 to ${MAX_RUN_NAME} characters.`,
      };
    }
    set((s) => ({ runs: s.runs.map((r) => (r.id === id ? { ...r, name: clean } : r)) }));
    return { ok: true };
  },
  deleteRun: (id) => set((s) => ({ runs: s.runs.filter((r) => r.id !== id) })),
  setRunShown: (id, shown) =>
    set((s) => ({ runs: s.runs.map((r) => (r.id === id ? { ...r, shown } : r)) })),
});
