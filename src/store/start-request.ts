import type { ImportedWeights } from '../core/export/weights-manifest';
import type { ModelSpec } from '../core/model-spec';
import type { KnownSpeeds, WorkerRequest } from '../core/training/protocol';
import type { RunSettings } from '../core/training/settings';
import type { PreparedData } from '../data';
import type { AppState } from './store';
import { timelineRequest } from './timeline-slice';

export type StartRequest = Extract<WorkerRequest, { type: 'start' }>;

/** What every run takes from the page as it is: the backend, the probes, the timeline settings. */
export type StartSource = Pick<
  AppState,
  'backendChoice' | 'probeInputs' | 'embeddingLayerId' | 'timelineRecording'
>;

/** What is the run's own: Train sends the builder's model and settings, a sweep each planned run's. */
export interface RunPart {
  runId: number;
  spec: ModelSpec;
  /** With the loss resolved (no 'auto'); the seed travels in here too. */
  settings: RunSettings;
  data: PreparedData;
  paused: boolean;
  initialWeights?: ImportedWeights | null;
  knownSpeeds?: KnownSpeeds | null;
}

/**
 * The one start request the worker gets, for Train, Step and every sweep run alike, so that a
 * page-wide setting (the timeline's, say) cannot reach one kind of run and miss the other.
 */
export function startRequest(s: StartSource, run: RunPart): StartRequest {
  const { x, xShape, y, yShape, trainCount, numClasses, normalisation } = run.data;
  return {
    type: 'start',
    runId: run.runId,
    backend: s.backendChoice,
    spec: run.spec,
    data: { x, xShape, y, yShape, trainCount, numClasses },
    settings: run.settings,
    paused: run.paused,
    probeInputs: s.probeInputs,
    ...(run.initialWeights ? { initialWeights: run.initialWeights } : {}),
    normalisation: normalisation.kind,
    ...(run.knownSpeeds ? { knownSpeeds: run.knownSpeeds } : {}),
    ...timelineRequest(s, run.spec),
  };
}
