import type { BackendName } from './backend-names';
import type { ProbeSnapshot } from './probe-types';
import { addToTimeline, type TimelineEntry } from '../timeline/history';
import type {
  BatchLoss,
  BenchmarkResult,
  EpochResult,
  Outcome,
  Progress,
  WorkerEvent,
} from './protocol';

/**
 * One training run as the page sees it, and the pure reducer that folds worker events into it.
 * Events from any other run id are stale and change nothing.
 */
export type RunStatus =
  | 'idle'
  /** Sent to the worker; measuring backends or building the model. */
  | 'starting'
  | 'running'
  | 'paused'
  | 'stopping'
  | Outcome;

export const ACTIVE_STATUSES: readonly RunStatus[] = ['starting', 'running', 'paused', 'stopping'];
export const isActive = (status: RunStatus): boolean => ACTIVE_STATUSES.includes(status);

export interface RunState {
  /** 0 before the first run; bumped by every Train and Reset so late events are ignored. */
  id: number;
  status: RunStatus;
  /** Why it ended (diverged, failed, stopped by an edit), in words; null otherwise. */
  message: string | null;
  /** The backend this run trains on (it can change once if a backend lacks a kernel). */
  backend: BackendName | null;
  trainCount: number;
  valCount: number;
  batchesPerEpoch: number;
  totalEpochs: number;
  progress: Progress | null;
  /** Every batch's loss in order (capped at MAX_BATCH_POINTS, oldest dropped). */
  losses: BatchLoss[];
  epochs: EpochResult[];
  /** The latest probe; its epoch/batch say when it was taken. */
  probe: ProbeSnapshot | null;
  /** Epoch-end snapshots for the timeline scrubber, oldest first, within its memory budget. */
  timeline: TimelineEntry[];
  /** Auto's measurements on this run's model; picked is null while measuring. */
  benchmark: { results: BenchmarkResult[]; picked: BackendName | null; total: number } | null;
}

export const MAX_BATCH_POINTS = 50_000;

export function emptyRun(id: number, status: RunStatus = 'idle'): RunState {
  return {
    id,
    status,
    message: null,
    backend: null,
    trainCount: 0,
    valCount: 0,
    batchesPerEpoch: 0,
    totalEpochs: 0,
    progress: null,
    losses: [],
    epochs: [],
    probe: null,
    timeline: [],
    benchmark: null,
  };
}

export function reduceRun(run: RunState, event: WorkerEvent): RunState {
  if (!('runId' in event) || event.runId !== run.id) return run;
  switch (event.type) {
    case 'benchmark': {
      const { results, picked } = event;
      const total = event.total ?? results.length;
      // Auto may move a running run: the backend it trains on is the one picked.
      const backend = picked !== null && run.backend !== null ? picked : run.backend;
      return { ...run, backend, benchmark: { results, picked, total } };
    }
    case 'started':
      // A restart on another backend starts the curves again: they come from fresh weights.
      return {
        ...emptyRun(
          run.id,
          run.status === 'paused' || run.status === 'stopping' ? run.status : 'running',
        ),
        benchmark: run.benchmark,
        backend: event.backend,
        trainCount: event.trainCount,
        valCount: event.valCount,
        batchesPerEpoch: event.batchesPerEpoch,
        totalEpochs: event.totalEpochs,
      };
    case 'state':
      return run.status === 'stopping' ? run : { ...run, status: event.state };
    case 'batches': {
      const losses = run.losses.concat(event.losses);
      const capped = losses.length > MAX_BATCH_POINTS ? losses.slice(-MAX_BATCH_POINTS) : losses;
      return { ...run, losses: capped, progress: event.progress };
    }
    case 'epoch':
      return { ...run, epochs: [...run.epochs, event.result] };
    case 'probe': {
      const { snapshot, timeline } = event;
      return {
        ...run,
        probe: snapshot,
        timeline: timeline
          ? addToTimeline(run.timeline, snapshot.epoch, snapshot, timeline)
          : run.timeline,
      };
    }
    case 'done':
      return { ...run, status: event.outcome, message: event.message ?? run.message };
    case 'error':
      return { ...run, status: 'failed', message: event.message };
  }
}
