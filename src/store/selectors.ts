import { entryAt } from '../core/timeline/history';
import type { ModelSpec } from '../core/model-spec';
import { inferShapes } from '../core/shapes';
import { summarize } from '../core/summary';
import { estimateMemory } from '../core/limits';
import type { AppState } from './store';
import type { PreparedData } from '../data/index';
import type { LossId } from '../core/training/settings';
import { checkModelFit, type ModelFit } from '../core/training/model-fit';

/** Named selectors: components read state only through these. */
export const selectBackend = (s: AppState) => s.backend;
export const selectBackendChoice = (s: AppState) => s.backendChoice;
export const selectSpec = (s: AppState) => s.spec;
export const selectSelectedId = (s: AppState) => s.selectedId;

// --- Builder (model slice) ---------------------------------------------------------------

/** Derived values are computed once per spec (specs are immutable), however many readers. */
function perSpec<T>(compute: (spec: ModelSpec) => T): (spec: ModelSpec) => T {
  const cache = new WeakMap<ModelSpec, T>();
  return (spec) => {
    const hit = cache.get(spec);
    if (hit !== undefined) return hit;
    const value = compute(spec);
    cache.set(spec, value);
    return value;
  };
}

export const shapesOf = perSpec(inferShapes);
export const summaryOf = perSpec((spec) => summarize(spec));
export const memoryOf = perSpec((spec) => estimateMemory(spec));

export const selectShapeReport = (s: AppState) => shapesOf(s.spec);
export const selectSummary = (s: AppState) => summaryOf(s.spec);
export const selectMemory = (s: AppState) => memoryOf(s.spec);
export const selectRefusal = (s: AppState) => s.refusal;
export const selectLayerCount = (s: AppState) => s.spec.layers.length;
export const selectSelectedLayer = (s: AppState) =>
  s.spec.layers.find((l) => l.id === s.selectedId) ?? null;
export const selectSelectedIndex = (s: AppState) =>
  s.spec.layers.findIndex((l) => l.id === s.selectedId);
/** The shape-report entry (name, shapes, params, error) of the selected layer. */
export const selectSelectedShape = (s: AppState) =>
  shapesOf(s.spec).layers.find((l) => l.id === s.selectedId) ?? null;

/** For `useStore(useAppStore.temporal, …)`: the undo history, not the app state. */
export const selectCanUndo = (t: { pastStates: readonly unknown[] }) => t.pastStates.length > 0;
export const selectCanRedo = (t: { futureStates: readonly unknown[] }) => t.futureStates.length > 0;

// --- Data (dataset slice) -----------------------------------------------------------------

export const selectDatasetConfig = (s: AppState) => s.datasetConfig;
/** Result<PreparedData>: the arrays training uses, or why the data cannot be prepared. */
export const selectPrepared = (s: AppState) => s.prepared;
export const selectValidationSplit = (s: AppState) => s.datasetConfig.prepare.validationSplit;

// --- Training (training slice) ------------------------------------------------------------
// Each returns a reference held in the store (no new objects), so no useShallow is needed.

export const selectTrainingSettings = (s: AppState) => s.trainingSettings;
export const selectRun = (s: AppState) => s.run;
export const selectRunStatus = (s: AppState) => s.run.status;
export const selectRunMessage = (s: AppState) => s.run.message;
/** The backend the current run trains on (null before its first batch). */
export const selectRunBackend = (s: AppState) => s.run.backend;
/** Every batch's loss so far, in order: { epoch, batch, loss }[] (≤ 20 updates/s). */
export const selectBatchLosses = (s: AppState) => s.run.losses;
/** One entry per finished epoch: train/validation loss and metrics. */
export const selectEpochs = (s: AppState) => s.run.epochs;
export const selectProgress = (s: AppState) => s.run.progress;
/** The timeline being shown: a replayed run's from the history, else the current run's. */
export const selectTimelineEntries = (s: AppState) => s.replay?.entries ?? s.run.timeline;
/** The timeline entry the scrubber is on; null while following the live run. */
export const selectTimelineEntry = (s: AppState) =>
  s.timelineAt === null && !s.replay
    ? null
    : entryAt(selectTimelineEntries(s), s.timelineAt ?? Infinity);
/**
 * The probe every view shows: the one at the scrubber's epoch, else the latest (per-layer
 * histograms and stats, pooling samples, predictions).
 */
export const selectProbe = (s: AppState) => selectTimelineEntry(s)?.probe ?? s.run.probe;
export const selectLayerProbes = (s: AppState) => selectProbe(s)?.layers ?? null;
export const selectPoolingProbes = (s: AppState) => selectProbe(s)?.pooling ?? null;
export const selectPredictions = (s: AppState) => selectProbe(s)?.predictions ?? null;
export const selectBenchmark = (s: AppState) => s.run.benchmark;
export const selectTrainerMode = (s: AppState) => s.trainerMode;
export const selectTrainerNotices = (s: AppState) => s.trainerNotices;
export const selectIsTraining = (s: AppState) =>
  s.run.status === 'starting' ||
  s.run.status === 'running' ||
  s.run.status === 'paused' ||
  s.run.status === 'stopping';
/** The loss training will use: the setting, or the data's suggestion for 'auto'. */
export const selectEffectiveLoss = (s: AppState) =>
  s.trainingSettings.loss !== 'auto'
    ? s.trainingSettings.loss
    : s.prepared.ok
      ? s.prepared.value.suggestedOutput.loss
      : 'mse';

// --- Data panel (dataset slice) -----------------------------------------------------------

/** The loaded table (columns, roles, warnings) behind the prepared data, or null. */
export const selectDataLoaded = (s: AppState) => s.dataLoaded;
export const selectDataBusy = (s: AppState) => s.dataBusy;
export const selectDataError = (s: AppState) => s.dataError;
export const selectHasCsvText = (s: AppState) => s.csvText !== null;

let lastFit: { spec: ModelSpec; data: PreparedData; loss: LossId; fit: ModelFit } | null = null;
/** How the model fits the data (Input shape, output layer, loss); the same object until one changes. */
export const selectModelFit = (s: AppState): ModelFit | null => {
  if (!s.prepared.ok) return null;
  const data = s.prepared.value;
  const loss = selectEffectiveLoss(s);
  if (lastFit?.spec === s.spec && lastFit.data === data && lastFit.loss === loss)
    return lastFit.fit;
  lastFit = { spec: s.spec, data, loss, fit: checkModelFit(s.spec, data, loss) };
  return lastFit.fit;
};
export const selectCsvOptions = (s: AppState) => s.csvOptions;
export const selectDataRetry = (s: AppState) => s.dataRetry;
export const selectWindowingEnabled = (s: AppState) => s.datasetConfig.prepare.windowing.enabled;
/** A CSV configuration (e.g. from a link) whose file has not been opened in this tab. */
export const selectCsvFileMissing = (s: AppState) =>
  s.datasetConfig.source === 'csv' && s.csvText === null;

// --- Charts and run history (runs slice) --------------------------------------------------

export const selectRuns = (s: AppState) => s.runs;
/** The model, settings and data the run on screen was started with (null before any run). */
export const selectLiveConfig = (s: AppState) => s.liveConfig;
export const selectProbeInputs = (s: AppState) => s.probeInputs;
export const selectInitialWeights = (s: AppState) => s.initialWeights;
export const selectBatchesPerEpoch = (s: AppState) => s.run.batchesPerEpoch;

let lastShown: { runs: AppState['runs']; shown: AppState['runs'] } | null = null;
/** The kept runs chosen for overlay; the same array until the history changes. */
export const selectShownRuns = (s: AppState) => {
  if (lastShown?.runs !== s.runs)
    lastShown = { runs: s.runs, shown: s.runs.filter((r) => r.shown) };
  return lastShown.shown;
};

// --- Share, save, export (view and share slices) -------------------------------------------

export const selectView = (s: AppState) => s.view;
export const selectGraphDirection = (s: AppState) => s.view.graphDirection;
export const selectShareNotices = (s: AppState) => s.shareNotices;
/** Saved experiments, most recently saved first. */
export const selectLibrary = (s: AppState) => s.library;
export const selectActiveExperimentId = (s: AppState) => s.activeExperimentId;
export const selectActiveEntry = (s: AppState) =>
  s.library.find((e) => e.id === s.activeExperimentId) ?? null;
