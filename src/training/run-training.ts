import type * as tf from '@tensorflow/tfjs';
import { missingKernel } from './backends';
import {
  BACKEND_NAMES,
  FASTEST_CANDIDATES,
  backendOrder,
  type BackendName,
} from '../core/training/backend-names';
import type { BackendState } from './backend-state';
import { backendFailure, measureBackend } from './benchmark';
import { buildModel, disposeModel } from './build-model';
import { checkTrainable } from '../core/training/compat';
import type { RunControl } from './control';
import { divergedMessage } from './diverged-advice';
import { describeBenchmark, pickFastest } from '../core/training/fastest';
import { applyInitialWeights } from './initial-weights';
import { createProber } from './probes';
import type { BenchmarkResult, WorkerEvent, WorkerRequest } from '../core/training/protocol';
import { trainLoop, batchesPerEpoch, type LoopOutcome } from './train-loop';
import { sampleCount } from '../core/training/training-data';

export type StartRequest = Extract<WorkerRequest, { type: 'start' }>;

export interface RunContext {
  req: StartRequest;
  control: RunControl;
  backends: BackendState;
  post: (e: WorkerEvent) => void;
  yieldNow: () => Promise<void>;
  probeEveryMs: number;
  /** The learning rate in force now (it changes mid-run), for the divergence advice. */
  learningRate: () => number;
  /** Earlier "Auto (fastest)" measurements by model and setup, so a re-run does not re-measure. */
  measured: Map<string, BenchmarkResult[]>;
  /** Takes over a model that finished or was stopped (weights-io.ts); true: do not dispose it. */
  keepModel?: (runId: number, model: tf.LayersModel) => boolean;
}

/** What the speed of a training step depends on. */
function measureKey({ spec, data, settings }: StartRequest): string {
  const { batchSize, optimizer, loss } = settings;
  return JSON.stringify([
    spec.layers,
    data.xShape.slice(1),
    data.yShape[1],
    batchSize,
    optimizer,
    loss,
  ]);
}

/** Measures every candidate on this model (once per model and setup). */
async function fastestOrder(ctx: RunContext): Promise<BenchmarkResult[] | null> {
  const { req, backends, post } = ctx;
  const key = measureKey(req);
  const known = ctx.measured.get(key);
  if (known) return known;
  const results: BenchmarkResult[] = [];
  for (const name of FASTEST_CANDIDATES) {
    if (ctx.control.isStopped) return null;
    const lost = backends.lostReason(name);
    results.push(
      lost
        ? { name, stepsPerSecond: null, warmupMs: null, reason: lost }
        : await measureBackend(name, req.spec, req.data, req.settings),
    );
    post({ type: 'benchmark', runId: req.runId, results: [...results], picked: null });
  }
  ctx.measured.set(key, results);
  return results;
}

type Attempt = { outcome: LoopOutcome } | { switchReason: string };

async function attempt(ctx: RunContext, name: BackendName): Promise<Attempt> {
  const { req, control, post } = ctx;
  const { runId, spec, data, settings } = req;
  const model = buildModel(spec, { seed: settings.seed });
  if (req.initialWeights) {
    const misfit = applyInitialWeights(model, req.initialWeights);
    if (misfit)
      post({
        type: 'notice',
        message: `The imported weights (${req.initialWeights.source}) do not fit this model: ${misfit}. Training starts from new weights.`,
      });
  }
  const prober = createProber(model, spec, data, req.probeInputs);
  const lostReason = () => ctx.backends.lostReason(name) ?? `${name} stopped working`;
  let kept = false;
  try {
    post({
      type: 'started',
      runId,
      backend: name,
      trainCount: data.trainCount,
      valCount: sampleCount(data) - data.trainCount,
      batchesPerEpoch: batchesPerEpoch(data.trainCount, settings.batchSize),
      totalEpochs: settings.epochs,
    });
    const outcome = await trainLoop({
      model,
      data,
      settings,
      control,
      yieldNow: ctx.yieldNow,
      probeEveryMs: ctx.probeEveryMs,
      callbacks: {
        onBatches: (losses, progress) => post({ type: 'batches', runId, losses, progress }),
        onEpoch: (result) => post({ type: 'epoch', runId, result }),
        onProbe: async (epoch, batch) =>
          post({ type: 'probe', runId, snapshot: await prober.probe(epoch, batch) }),
        onState: (state) => post({ type: 'state', runId, state }),
      },
    });
    if (control.takeInterrupt()) return { switchReason: lostReason() };
    // A diverged model holds NaNs: nothing worth saving.
    kept = outcome.kind !== 'diverged' && (ctx.keepModel?.(runId, model) ?? false);
    return { outcome };
  } catch (err) {
    if (missingKernel(err)) return { switchReason: backendFailure(name, err) };
    const lost = await ctx.backends.confirmLoss(name);
    // takeInterrupt() first: a loss interrupts the run, and the next attempt must not inherit it.
    if (control.takeInterrupt() || lost) return { switchReason: lostReason() };
    throw err;
  } finally {
    prober.dispose();
    if (!kept) disposeModel(model);
  }
}

/**
 * One run from start to done: check the data fits, pick the backend (measuring for "Auto
 * (fastest)"), train, and move to the next backend when one cannot run this model.
 */
export async function runTraining(ctx: RunContext): Promise<void> {
  const { req, control, backends, post } = ctx;
  const runId = req.runId;
  const done = (outcome: 'finished' | 'stopped' | 'diverged' | 'failed', message: string | null) =>
    post({ type: 'done', runId, outcome, message });
  const fits = checkTrainable(req.spec, req.data, req.settings.loss);
  if (!fits.ok) return done('failed', fits.reason);
  let order: BackendName[] = backendOrder(req.backend);
  const skip = new Map<BackendName, string>();
  if (req.backend === 'fastest') {
    const results = await fastestOrder(ctx);
    if (!results) return done('stopped', null);
    const picked = pickFastest(results);
    if (!picked)
      return done('failed', `No backend could train this model: ${describeBenchmark(results)}`);
    post({ type: 'benchmark', runId, results, picked });
    const rate = (n: BackendName) => results.find((r) => r.name === n)?.stepsPerSecond ?? -1;
    order = [...BACKEND_NAMES].sort((a, b) => rate(b) - rate(a));
    for (const r of results)
      if (r.stepsPerSecond === null) skip.set(r.name, r.reason ?? 'unavailable');
  }
  let report =
    req.backend === 'fastest'
      ? await backends.select(order, req.backend, skip)
      : await backends.ensure(req.backend);
  for (;;) {
    if (control.isStopped) return done('stopped', null);
    const result = await attempt(ctx, report.name);
    if ('outcome' in result) {
      const o = result.outcome;
      if (o.kind === 'diverged') {
        const { clipNorm } = req.settings;
        const learningRate = ctx.learningRate();
        const advice = { ...o, learningRate, clipNorm, normalisation: req.normalisation };
        return done('diverged', divergedMessage(advice));
      }
      return done(o.kind, null);
    }
    skip.set(report.name, result.switchReason);
    post({
      type: 'notice',
      message: `${result.switchReason}. Training restarts on the next backend.`,
    });
    report = await backends.select(order, req.backend, skip);
  }
}
