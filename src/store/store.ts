import { create } from 'zustand';
import { temporal } from 'zundo';
import { createDatasetSlice, type DatasetSlice } from './dataset-slice';
import { createModelSlice, type ModelSlice } from './model-slice';
import { createPredictSlice, type PredictSlice } from './predict-slice';
import { createRunsSlice, type RunsSlice } from './runs-slice';
import { createShareSlice, type ShareSlice } from './share-slice';
import { createSweepSlice, type SweepSlice } from './sweep-slice';
import { createTimelineSlice, type TimelineSlice } from './timeline-slice';
import { createTrainingSlice, type TrainingSlice } from './training-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

/** One store, built once from slices (zustand's slices pattern). */
export type AppState = ModelSlice &
  DatasetSlice &
  TrainingSlice &
  RunsSlice &
  ViewSlice &
  ShareSlice &
  SweepSlice &
  TimelineSlice &
  PredictSlice;
export type AppMutators = [['temporal', unknown]];

/**
 * Undo/redo covers model edits only: selection, training and UI state are not history. A
 * factory so tests can open a second page (two tabs of one experiment) beside the first.
 */
export const createAppStore = () =>
  create<AppState>()(
    temporal(
      (...a) => ({
        ...createModelSlice(...a),
        ...createDatasetSlice(...a),
        ...createTrainingSlice(...a),
        ...createRunsSlice(...a),
        ...createViewSlice(...a),
        ...createShareSlice(...a),
        ...createSweepSlice(...a),
        ...createTimelineSlice(...a),
        ...createPredictSlice(...a),
      }),
      {
        partialize: (s) => ({ spec: s.spec }),
        equality: (a, b) => a.spec === b.spec,
        limit: 200,
      },
    ),
  );

export const useAppStore = createAppStore();

export const undo = () => useAppStore.temporal.getState().undo();
export const redo = () => useAppStore.temporal.getState().redo();
