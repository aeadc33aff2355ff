import type { StateCreator } from 'zustand';
import type { ImportedWeights } from '../core/export/weights-manifest';
import { DEFAULT_BACKEND_CHOICE, type BackendChoice } from '../core/training/backend-names';
import { runKey } from '../core/training/auto-choice';
import { checkTrainable, resolveLoss } from '../core/training/compat';
import type { BackendReport, WorkerEvent, WorkerRequest } from '../core/training/protocol';
import { emptyRun, isActive, reduceRun, type RunState } from '../core/training/run-state';
import {
  defaultTrainingSettings,
  trainingSettingsSchema,
  type TrainingSettings,
} from '../core/training/settings';
import type { StepUnit } from '../core/training/protocol';
import type { TrainerMode } from '../training/trainer-client';
import type { AppMutators, AppState } from './store';
import type { KeyValue } from './persistence';
import { keepSpeeds, knownSpeeds } from './speed-cache';
import { startRequest } from './start-request';

/** The page's localStorage, or null where there is none or it is blocked. */
function pageStorage(): KeyValue | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export type BackendStatus =
  | { state: 'starting' }
  | { state: 'ready'; report: BackendReport }
  | { state: 'failed'; message: string };

/** Where requests go: the trainer client (worker, or the page as a fallback); a fake in tests. */
export interface TrainerPort {
  send(req: WorkerRequest): void;
}

export interface TrainingSlice {
  backendChoice: BackendChoice;
  backend: BackendStatus;
  trainingSettings: TrainingSettings;
  run: RunState;
  trainerMode: TrainerMode | null;
  /** Things the user should know that are not errors (fallbacks), newest last. */
  trainerNotices: string[];
  /** Extra inputs the probes predict every time (e.g. a decision-boundary grid), flattened like x. */
  probeInputs: Float32Array | null;
  /** Imported trained weights every run starts from, until the user lets them go. */
  initialWeights: ImportedWeights | null;
  trainer: TrainerPort | null;
  attachTrainer(port: TrainerPort | null, mode?: TrainerMode): void;
  setBackendChoice(choice: BackendChoice): void;
  backendReady(report: BackendReport): void;
  backendFailed(message: string): void;
  /** Invalid values are refused (the form shows them); the learning rate applies mid-run. */
  setTrainingSettings(patch: Partial<TrainingSettings>): boolean;
  setProbeInputs(x: Float32Array | null): void;
  setInitialWeights(w: ImportedWeights | null): void;
  train(): void;
  pause(): void;
  resume(): void;
  step(unit: StepUnit): void;
  stop(): void;
  /** Forgets the curves; the next Train starts again from the same seed. */
  reset(): void;
  /** Ends an active run because what it trains has changed (the model, the data, the backend). */
  invalidateRun(reason: string): void;
  receive(event: WorkerEvent): void;
}

const MAX_NOTICES = 5;

export const createTrainingSlice: StateCreator<AppState, AppMutators, [], TrainingSlice> = (
  set,
  get,
) => {
  const send = (req: WorkerRequest) => get().trainer?.send(req);
  const runCommand = (type: 'pause' | 'resume' | 'stop') => send({ type, runId: get().run.id });
  /** The speed-cache key of the run in flight, to keep what Auto measures on it. */
  let speedKey: { runId: number; key: string } | null = null;

  const start = (paused: boolean): boolean => {
    const s = get();
    if (!s.trainer || isActive(s.run.status)) return false;
    const id = s.run.id + 1;
    // What the user can fix (no data, a model that does not fit it) is said, not thrown.
    const refuse = (message: string) => {
      set({ run: { ...emptyRun(id, 'failed'), message } });
      return false;
    };
    if (!s.prepared.ok) return refuse(s.prepared.reason);
    const data = s.prepared.value;
    const loss = resolveLoss(s.trainingSettings.loss, data.suggestedOutput.loss);
    const fits = checkTrainable(s.spec, data, loss);
    if (!fits.ok) return refuse(fits.reason);
    set({ run: emptyRun(id, 'starting') });
    const settings = { ...s.trainingSettings, loss };
    const key = runKey({ spec: s.spec, data, settings });
    speedKey = s.backendChoice === 'auto' ? { runId: id, key } : null;
    s.trainer.send(
      startRequest(s, {
        runId: id,
        spec: s.spec,
        settings,
        data,
        paused,
        initialWeights: s.initialWeights,
        knownSpeeds: speedKey ? knownSpeeds(pageStorage(), key) : null,
      }),
    );
    return true;
  };

  return {
    backendChoice: DEFAULT_BACKEND_CHOICE,
    backend: { state: 'starting' },
    trainingSettings: defaultTrainingSettings,
    run: emptyRun(0),
    trainerMode: null,
    trainerNotices: [],
    probeInputs: null,
    initialWeights: null,
    trainer: null,
    attachTrainer: (port, mode) =>
      set({ trainer: port, trainerMode: port ? (mode ?? null) : null }),
    setBackendChoice: (choice) => {
      if (choice === get().backendChoice) return;
      get().invalidateRun('The backend choice changed, so training stopped.');
      set({ backendChoice: choice, backend: { state: 'starting' } });
    },
    backendReady: (report) => set({ backend: { state: 'ready', report } }),
    backendFailed: (message) => set({ backend: { state: 'failed', message } }),
    setTrainingSettings: (patch) => {
      const s = get();
      const parsed = trainingSettingsSchema.safeParse({ ...s.trainingSettings, ...patch });
      if (!parsed.success) return false;
      const next = parsed.data;
      set({ trainingSettings: next });
      if (isActive(s.run.status) && next.learningRate !== s.trainingSettings.learningRate) {
        send({ type: 'setLearningRate', runId: s.run.id, learningRate: next.learningRate });
      }
      return true;
    },
    setProbeInputs: (x) => set({ probeInputs: x }),
    setInitialWeights: (w) => set({ initialWeights: w }),
    train: () => void start(false),
    pause: () => get().run.status === 'running' && runCommand('pause'),
    resume: () => get().run.status === 'paused' && runCommand('resume'),
    step: (unit) => {
      const { run } = get();
      if (run.status === 'paused') send({ type: 'step', runId: run.id, unit });
      else if (!isActive(run.status) && start(true))
        send({ type: 'step', runId: get().run.id, unit });
    },
    stop: () => {
      const { run } = get();
      if (!isActive(run.status) || run.status === 'stopping') return;
      set({ run: { ...run, status: 'stopping' } });
      runCommand('stop');
    },
    reset: () => {
      const { run } = get();
      if (isActive(run.status)) runCommand('stop');
      set({ run: emptyRun(run.id + 1) });
    },
    invalidateRun: (reason) => {
      const { run } = get();
      if (!isActive(run.status)) return;
      runCommand('stop');
      // A new id: whatever the old run still sends is ignored, and its curves stay visible.
      set({ run: { ...run, id: run.id + 1, status: 'stopped', message: reason } });
    },
    receive: (event) => {
      switch (event.type) {
        case 'backend':
          return get().backendReady(event.report);
        case 'weights':
          // Replies to weights requests (share-slice.ts): not part of any run.
          return get().weightsReply(event);
        case 'saliency':
          return get().saliencyReply(event);
        case 'predict':
          return get().predictReply(event);
        case 'benchmark':
          if (event.machine && event.picked && speedKey?.runId === event.runId)
            keepSpeeds(pageStorage(), speedKey.key, {
              machine: event.machine,
              results: event.results,
            });
          break;
        case 'notice':
          return set((s) => ({
            trainerNotices: [...s.trainerNotices, event.message].slice(-MAX_NOTICES),
          }));
        case 'error':
          if (event.runId === null && get().backend.state === 'starting') {
            return get().backendFailed(event.message);
          }
          if (event.runId === null) {
            return set((s) => ({
              trainerNotices: [...s.trainerNotices, event.message].slice(-MAX_NOTICES),
            }));
          }
          break;
      }
      set((s) => ({ run: reduceRun(s.run, event) }));
    },
  };
};
