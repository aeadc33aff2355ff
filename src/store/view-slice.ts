import type { StateCreator } from 'zustand';
import { defaultViewConfig, type ViewConfig } from '../core/share/experiment';
import type { AppMutators, AppState } from './store';

/**
 * How the experiment is looked at (graph direction, chart smoothing and scale, the panel in
 * focus): part of a shared link, so it lives in the store rather than in component state.
 */
export interface ViewSlice {
  view: ViewConfig;
  setView(patch: Partial<ViewConfig>): void;
}

// The charts open with TensorBoard's default smoothing (features/charts/view-options.ts); the
// link format's default of 0 only fills in links that lack the field.
export const initialView = (): ViewConfig => ({ ...defaultViewConfig(), smoothing: 0.6 });

export const createViewSlice: StateCreator<AppState, AppMutators, [], ViewSlice> = (set, get) => ({
  view: initialView(),
  setView: (patch) => {
    const view = get().view;
    const changed = (Object.keys(patch) as (keyof ViewConfig)[]).some((k) => patch[k] !== view[k]);
    if (changed) set({ view: { ...view, ...patch } });
  },
});
