import type * as tf from '@tensorflow/tfjs';
import { missingKernel } from './backends';
import { backendOrder, type BackendName } from '../core/training/backend-names';
import { moveBetweenEpochs, planAuto, type AutoHooks, type AutoPlan } from './auto-run';
import type { BackendState } from './backend-state';
import { backendFailure } from './benchmark';
import { buildModel, disposeModel } from './build-model';
import { plannedKernelReport } from './fused-recurrent-layer';
import { checkTrainable } from '../core/training/compat';
import type { RunControl } from './control';
import { divergedMessage } from './diverged-advice';
import { applyInitialWeights } from './initial-weights';
import { createProber, type TimelineOptions } from './probes';
import { lossFn } from './losses';
import type { BenchmarkResult, WorkerEvent, WorkerRequest } from '../core/training/protocol';
import { trainLoop, batchesPerEpoch, type LoopOutcome } from './train-loop';
import { sampleCount } from '../core/training/training-data';

export type StartRequest = Extract<WorkerRequest, { type: 'start' }>;

/** The timeline records unless the page turned it off; it projects the layer before the output by default. */
function timelineOptions(req: StartRequest): TimelineOptions | null {
  if (req.timeline === false) return null;
  const last = req.spec.layers.length - 1;
  const chosen = req.embeddingLayer ?? last - 1;
  return {
    loss: lossFn(req.settings.loss, req.data.numClasses),
    embeddingIndex: chosen >= 1 && chosen <= last ? chosen : last >= 1 ? last : null,
  };
}

export interface RunContext {
  req: StartRequest;
  control: RunControl;
  backends: BackendState;
  post: (e: WorkerEvent) => void;
  yieldNow: () => Promise<void>;
  probeEveryMs: number;
  /** The learning rate in force now (it changes mid-run), for the divergence advice. */
  learningRate: () => number;
  /** Auto's measurements by model and setup (runKey), so a re-run does not measure again. */
  measured: Map<string, BenchmarkResult[]>;
  /** Takes over a model that finished or was stopped (weights-io.ts); true: do not dispose it. */
  keepModel?: (runId: number, model: tf.LayersModel) => boolean;
  /** Tests decide what Auto's measurement says. */
  autoHooks?: AutoHooks;
  /** Told of the model while it trains (and null once it is gone), for saliency requests. */
  onModel?: (runId: number, model: tf.LayersModel | null) => void;
}

type Attempt = { outcome: LoopOutcome } | { switchReason: string; failed: BackendName };

async function attempt(
  ctx: RunContext,
  name: BackendName,
  plan: AutoPlan | null,
): Promise<Attempt> {
  const { req, control, post } = ctx;
  /** Auto can move the run between epochs. */
  let current = name;
  const { runId, spec, data, settings } = req;
  const model = buildModel(spec, { seed: settings.seed, fusedRecurrent: settings.fusedRecurrent });
  // Which recurrent kernels run, said only where there is a choice (webgpu): other backends
  // always run tfjs' own layers, and a readout there would be noise.
  const sayKernels = (on: BackendName) => {
    const kernels = on === 'webgpu' ? plannedKernelReport(model, on) : null;
    if (kernels) post({ type: 'notice', message: kernels });
  };
  sayKernels(name);
  if (req.initialWeights) {
    const misfit = applyInitialWeights(model, req.initialWeights);
    if (misfit)
      post({
        type: 'notice',
        message: `The imported weights (${req.initialWeights.source}) do not fit this model: ${misfit}. Training starts from new weights.`,
      });
  }
  const prober = createProber(model, spec, data, req.probeInputs, timelineOptions(req));
  ctx.onModel?.(runId, model);
  const nb = batchesPerEpoch(data.trainCount, settings.batchSize);
  const lostReason = () => ctx.backends.lostReason(current) ?? `${current} stopped working`;
  let kept = false;
  try {
    post({
      type: 'started',
      runId,
      backend: name,
      trainCount: data.trainCount,
      valCount: sampleCount(data) - data.trainCount,
      batchesPerEpoch: nb,
      totalEpochs: settings.epochs,
    });
    const outcome = await trainLoop({
      model,
      data,
      settings,
      control,
      yieldNow: ctx.yieldNow,
      probeEveryMs: ctx.probeEveryMs,
      ...(plan && {
        betweenEpochs: moveBetweenEpochs({
          req,
          plan,
          control,
          backends: ctx.backends,
          post,
          measured: ctx.measured,
          current: () => current,
          moved: (to) => {
            if (to !== current) sayKernels(to);
            current = to;
          },
          ...(ctx.autoHooks && { hooks: ctx.autoHooks }),
        }),
      }),
      callbacks: {
        onBatches: (losses, progress) => post({ type: 'batches', runId, losses, progress }),
        onEpoch: (result) => post({ type: 'epoch', runId, result }),
        onProbe: async (epoch, batch) => {
          // The timeline records epoch ends (and the untrained model), not mid-epoch probes.
          const r = await prober.probe(epoch, batch, batch === nb || epoch === 0);
          post({ type: 'probe', runId, snapshot: r.snapshot, timeline: r.timeline });
        },
        onState: (state) => post({ type: 'state', runId, state }),
      },
    });
    if (control.takeInterrupt()) return { switchReason: lostReason(), failed: current };
    // A diverged model holds NaNs: nothing worth saving.
    kept = outcome.kind !== 'diverged' && (ctx.keepModel?.(runId, model) ?? false);
    return { outcome };
  } catch (err) {
    if (missingKernel(err)) return { switchReason: backendFailure(current, err), failed: current };
    const lost = await ctx.backends.confirmLoss(current);
    // takeInterrupt() first: a loss interrupts the run, and the next attempt must not inherit it.
    if (control.takeInterrupt() || lost) return { switchReason: lostReason(), failed: current };
    throw err;
  } finally {
    ctx.onModel?.(runId, null);
    prober.dispose();
    if (!kept) disposeModel(model);
  }
}

/**
 * One run from start to done: check the data fits, pick the backend (Auto starts on its best
 * guess and measures during the run), train, and move to the next backend when one cannot run
 * this model.
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
  let plan: AutoPlan | null = null;
  if (req.backend === 'auto') {
    plan = await planAuto(req, ctx.measured);
    if (!plan) return done('failed', 'No backend could start for Auto.');
    for (const s of plan.skipped) skip.set(s.name, s.reason);
    const first = plan.start.backend;
    // The skipped ones last, so the badge lists them with their reasons.
    order = [first, ...plan.candidates.filter((n) => n !== first), ...skip.keys()];
  }
  let report = plan
    ? await backends.select(order, req.backend, skip, plan.start.why)
    : await backends.ensure(req.backend);
  for (;;) {
    if (control.isStopped) return done('stopped', null);
    const result = await attempt(ctx, report.name, plan);
    // One measurement per run: a restart after a failure goes on without measuring again.
    if (plan) plan.settled = true;
    if ('outcome' in result) {
      const o = result.outcome;
      if (o.kind === 'diverged') {
        const { clipNorm } = req.settings;
        const learningRate = ctx.learningRate();
        const advice = { ...o, learningRate, clipNorm, normalisation: req.normalisation };
        return done('diverged', divergedMessage(advice));
      }
      return done(o.kind, o.kind === 'finished' ? (o.note ?? null) : null);
    }
    skip.set(result.failed, result.switchReason);
    post({
      type: 'notice',
      message: `${result.switchReason}. Training restarts on the next backend.`,
    });
    report = await backends.select(order, req.backend, skip);
  }
}
