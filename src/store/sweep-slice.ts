import type { StateCreator } from 'zustand';
import type { Result } from '../core/result';
import { defaultSweepDefinition, type SweepDefinition } from '../core/sweep/definition';
import { planSweep, type PlannedRun, type SweepPlan } from '../core/sweep/expand';
import {
  sweepMetricOf,
  type SweepEpoch,
  type SweepRecord,
  type SweepRunResult,
} from '../core/sweep/results';
import { resolveLoss } from '../core/training/compat';
import { emptyRun, isActive, type RunState } from '../core/training/run-state';
import type { AppMutators, AppState } from './store';
import { startRequest } from './start-request';
import { browserSweepDb, sweepKey, type SweepDb } from './sweep-db';

/**
 * Sweeps: many runs, one after another, through the same worker and the same start request as
 * the Train button, each with its own model and settings. The runs show live in the training
 * panel and charts like any run, but their results go to the sweep (and IndexedDB), not to the
 * run history, which 64 sweep runs would otherwise flush out.
 */
export type SweepStatus = 'idle' | 'running' | 'paused' | 'stopping' | 'done' | 'stopped';

export interface SweepSlice {
  sweepDefinition: SweepDefinition;
  /** The sweep running or last run: its plan and results so far. */
  sweep: SweepRecord | null;
  sweepStatus: SweepStatus;
  /** Planned runs not started yet. */
  sweepQueue: PlannedRun[];
  /** The run the sweep is training now (its training-slice run id). */
  sweepCurrent: { runId: number; index: number } | null;
  /** Every run id the sweep started, so the run history leaves them out. */
  sweepRunIds: number[];
  /** Why the sweep stopped or could not be saved, in a sentence. */
  sweepMessage: string | null;
  setSweepDefinition(def: SweepDefinition): void;
  /** The runs this definition gives on the experiment on screen, or why there are none. */
  planCurrentSweep(): Result<SweepPlan>;
  startSweep(): Result<SweepPlan>;
  pauseSweep(): void;
  resumeSweep(): void;
  stopSweep(): void;
  /** Ends the run in progress and goes on with the next. */
  skipSweepRun(): void;
  /** Loads the experiment's saved sweep from IndexedDB (after a reload). */
  loadSavedSweep(): Promise<void>;
  /** Puts a run's model and settings in the builder (undoable); returns what was refused. */
  openSweepRun(index: number): string[];
  setSweepDb(db: SweepDb): void;
}

const finiteOrNull = (x: number | null | undefined) =>
  x !== null && x !== undefined && Number.isFinite(x) ? x : null;

function epochsOf(run: RunState, metric: 'accuracy' | 'mae' | null): SweepEpoch[] {
  return run.epochs.map((e) => ({
    epoch: e.epoch,
    loss: finiteOrNull(e.loss),
    valLoss: finiteOrNull(e.valLoss),
    metric: metric ? finiteOrNull(e.metrics[metric]) : null,
    valMetric: metric ? finiteOrNull(e.valMetrics[metric]) : null,
  }));
}

export const createSweepSlice: StateCreator<AppState, AppMutators, [], SweepSlice> = (
  set,
  get,
  api,
) => {
  let db: SweepDb | null = null;
  const theDb = () => (db ??= browserSweepDb());
  let watching = false;
  /** The planned run being trained (its model and settings, for its result). */
  let current: PlannedRun | null = null;
  let skipping = false;

  const base = (s: AppState) => {
    if (!s.prepared.ok) return null;
    const data = s.prepared.value;
    const loss = resolveLoss(s.trainingSettings.loss, data.suggestedOutput.loss);
    return { spec: s.spec, settings: { ...s.trainingSettings, loss }, data };
  };

  const save = async () => {
    const { sweep, activeExperimentId } = get();
    if (!sweep) return;
    const why = await theDb().put(sweepKey(activeExperimentId), sweep);
    if (why)
      set({
        sweepMessage: `The sweep's results could not be saved in this browser (${why}); export them to keep them.`,
      });
  };

  /** A stopped sweep lists the runs it never started, so the table shows the whole plan. */
  const notRun = (planned: PlannedRun): SweepRunResult => ({
    index: planned.index,
    values: planned.values,
    outcome: 'not run',
    message: 'The sweep was stopped before this run.',
    spec: planned.spec,
    settings: planned.settings,
    epochs: [],
    timeMs: 0,
    samplesPerSec: null,
    backend: null,
  });

  const finish = (status: 'done' | 'stopped', message: string | null) => {
    current = null;
    const { sweep, sweepQueue } = get();
    const results = sweep ? [...sweep.results, ...sweepQueue.map(notRun)] : [];
    set({
      sweep: sweep && sweepQueue.length > 0 ? { ...sweep, results } : sweep,
      sweepStatus: status,
      sweepQueue: [],
      sweepCurrent: null,
      sweepMessage: message,
    });
    void save();
  };

  /** Sends the next planned run to the trainer, exactly as Train would send it. */
  const startNext = () => {
    const s = get();
    if (s.sweepStatus !== 'running') return;
    const [next, ...rest] = s.sweepQueue;
    if (!next) return finish('done', null);
    if (!s.trainer) return finish('stopped', 'The trainer is not running, so the sweep stopped.');
    if (isActive(s.run.status))
      return finish('stopped', 'Another run was training, so the sweep stopped.');
    if (!s.prepared.ok) return finish('stopped', s.prepared.reason);
    const data = s.prepared.value;
    const id = s.run.id + 1;
    current = next;
    set({
      sweepQueue: rest,
      sweepCurrent: { runId: id, index: next.index },
      sweepRunIds: [...s.sweepRunIds, id],
      run: emptyRun(id, 'starting'),
    });
    s.trainer.send(
      startRequest(s, {
        runId: id,
        spec: next.spec,
        settings: { ...next.settings, earlyStopping: s.sweep?.definition.earlyStopping ?? null },
        data,
        paused: false,
      }),
    );
  };

  const record = (run: RunState, planned: PlannedRun, skipped: boolean) => {
    const s = get();
    if (!s.sweep) return;
    const result: SweepRunResult = {
      index: planned.index,
      values: planned.values,
      outcome: skipped
        ? 'skipped'
        : run.status === 'finished' || run.status === 'diverged' || run.status === 'failed'
          ? run.status
          : 'stopped',
      message: skipped ? 'Skipped during the sweep.' : run.message,
      spec: planned.spec,
      settings: planned.settings,
      epochs: epochsOf(run, s.sweep.metric),
      timeMs: run.progress?.elapsedMs ?? 0,
      samplesPerSec: finiteOrNull(run.progress?.samplesPerSec),
      backend: run.backend,
    };
    set({ sweep: { ...s.sweep, results: [...s.sweep.results, result] } });
    void save();
  };

  /** Follows the sweep's run: when it ends, keeps its result and starts the next. */
  const watch = () => {
    if (watching) return;
    watching = true;
    api.subscribe((s, prev) => {
      const cur = s.sweepCurrent;
      if (!cur || !current) return;
      if (s.run.id !== cur.runId) {
        // An edit ended the run (invalidateRun gives the run a new id): the sweep ends too.
        const planned = current;
        record({ ...prev.run, status: 'stopped' }, planned, false);
        return finish('stopped', s.run.message ?? 'The run was ended from outside the sweep.');
      }
      if (isActive(s.run.status) || !isActive(prev.run.status) || prev.run.id !== cur.runId) return;
      const planned = current;
      const wasSkipped = skipping;
      skipping = false;
      const ended = s.run;
      // Once every other listener has seen this run end. The next run is sent in the same step
      // as this result, so the worker builds it while the page redraws the results; a task
      // later, every run waited for that redraw (bench/sweep-overhead.mjs: idleMs).
      queueMicrotask(() => {
        record(ended, planned, wasSkipped);
        if (get().sweepStatus === 'stopping')
          return finish('stopped', 'Stopped: the runs done so far are kept.');
        startNext();
      });
    });
  };

  return {
    sweepDefinition: defaultSweepDefinition(),
    sweep: null,
    sweepStatus: 'idle',
    sweepQueue: [],
    sweepCurrent: null,
    sweepRunIds: [],
    sweepMessage: null,
    setSweepDefinition: (def) => set({ sweepDefinition: def }),
    planCurrentSweep: () => {
      const s = get();
      const b = base(s);
      if (!b) return { ok: false, reason: s.prepared.ok ? '' : s.prepared.reason };
      return planSweep(s.sweepDefinition, b);
    },
    startSweep: () => {
      const s = get();
      if (s.sweepStatus === 'running' || s.sweepStatus === 'paused' || s.sweepStatus === 'stopping')
        return { ok: false, reason: 'A sweep is already running.' };
      if (isActive(s.run.status))
        return { ok: false, reason: 'A run is training: stop it before starting the sweep.' };
      const plan = s.planCurrentSweep();
      if (!plan.ok) return plan;
      if (plan.value.runs.length === 0)
        return {
          ok: false,
          reason:
            'Every combination was skipped (see the reasons listed), so there is nothing to run.',
        };
      const b = base(s);
      const rec: SweepRecord = {
        v: 1,
        id: `sweep-${Date.now().toString(36)}`,
        createdAt: Date.now(),
        definition: s.sweepDefinition,
        labels: plan.value.labels,
        metric: b ? sweepMetricOf(b.settings) : null,
        total: plan.value.runs.length,
        skipped: plan.value.skipped,
        results: [],
      };
      watch();
      set({
        sweep: rec,
        sweepStatus: 'running',
        sweepQueue: plan.value.runs,
        sweepRunIds: [],
        sweepMessage: null,
      });
      startNext();
      return plan;
    },
    pauseSweep: () => {
      const s = get();
      if (s.sweepStatus !== 'running') return;
      set({ sweepStatus: 'paused' });
      // A run still starting takes the pause too: the worker holds it before its first batch.
      if (s.run.status === 'starting' && s.sweepCurrent?.runId === s.run.id)
        s.trainer?.send({ type: 'pause', runId: s.run.id });
      else s.pause();
    },
    resumeSweep: () => {
      const s = get();
      if (s.sweepStatus !== 'paused') return;
      set({ sweepStatus: 'running' });
      if (s.run.status === 'paused') s.resume();
      else if (s.run.status === 'starting' && s.sweepCurrent?.runId === s.run.id)
        s.trainer?.send({ type: 'resume', runId: s.run.id });
      else if (!isActive(s.run.status)) startNext();
    },
    stopSweep: () => {
      const s = get();
      if (s.sweepStatus !== 'running' && s.sweepStatus !== 'paused') return;
      if (s.sweepCurrent && isActive(s.run.status)) {
        set({ sweepStatus: 'stopping' });
        s.stop();
      } else finish('stopped', 'Stopped: the runs done so far are kept.');
    },
    skipSweepRun: () => {
      const s = get();
      if (!s.sweepCurrent || !isActive(s.run.status) || s.run.status === 'stopping') return;
      skipping = true;
      if (s.sweepStatus === 'paused') set({ sweepStatus: 'running' });
      s.stop();
    },
    loadSavedSweep: async () => {
      const key = sweepKey(get().activeExperimentId);
      const rec = await theDb().get(key);
      const s = get();
      // A sweep started meanwhile, or another experiment opened: keep what is on screen.
      if (!rec || s.sweepStatus === 'running' || sweepKey(s.activeExperimentId) !== key) return;
      set({ sweep: rec, sweepDefinition: rec.definition, sweepStatus: 'done' });
    },
    openSweepRun: (index) => {
      const s = get();
      const r = s.sweep?.results.find((x) => x.index === index);
      if (!r) return ['That run is no longer in the sweep.'];
      const problems: string[] = [];
      const model = s.setSpec(r.spec);
      if (!model.ok) problems.push(`model: ${model.reason}`);
      const { loss, ...rest } = r.settings;
      delete rest.earlyStopping;
      // 'auto' stays 'auto' where it resolves to the loss the run trained with.
      const keepAuto = s.trainingSettings.loss === 'auto' && base(s)?.settings.loss === loss;
      if (!s.setTrainingSettings({ ...rest, loss: keepAuto ? 'auto' : loss }))
        problems.push(
          "training: the run's settings could not be used, so the ones on screen were kept.",
        );
      return problems;
    },
    setSweepDb: (d) => {
      db = d;
    },
  };
};
