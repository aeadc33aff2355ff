import * as tf from '@tensorflow/tfjs';
import { permutation } from '../data/random';
import type { RunControl } from './control';
import { lossFn, metricApplies, metricFn } from './losses';
import { setLearningRate, makeOptimizer } from './optimizers';
import type { BatchLoss, EpochResult, MetricValues, Progress } from '../core/training/protocol';
import type { MetricId, RunSettings } from '../core/training/settings';
import { dropoutReseeder } from './dropout-seeds';
import { earlyStopper } from '../core/training/early-stopping';
import { RateMeter } from './rate-meter';
import { LossMeter, type PendingBatch } from './loss-meter';
import { evaluate, trainStep, type StepContext } from './train-step';
import { sampleCount, sampleSize, type TrainingData } from '../core/training/training-data';

/**
 * The custom training loop (not model.fit, so pause, step and a new learning rate act at the
 * next batch). It knows nothing of the worker, the page or the store: it reports through
 * callbacks, and the same code runs in the worker and, as a fallback, on the main thread.
 */
export interface LoopCallbacks {
  /** Throttled: every batch's loss since the last call, and where the run stands. */
  onBatches(losses: BatchLoss[], progress: Progress): void;
  onEpoch(result: EpochResult): void;
  /** Epoch 0, batch 0 is the untrained model. Awaited: probes read tensors back. */
  onProbe(epoch: number, batch: number): Promise<void>;
  onState(state: 'running' | 'paused'): void;
}

export interface LoopOptions {
  model: tf.LayersModel;
  data: TrainingData;
  settings: RunSettings;
  control: RunControl;
  callbacks: LoopCallbacks;
  yieldNow: () => Promise<void>;
  /** ≤ 20 updates/s to the page by default. */
  flushEveryMs?: number;
  probeEveryMs?: number;
  /**
   * Epoch-end probes closer together than this are skipped (except the last epoch's and when
   * paused): with epochs of a few milliseconds, one probe per epoch would cost more than the
   * training, for charts that redraw 4 times a second.
   */
  epochProbeGapMs?: number;
  now?: () => number;
  /**
   * Runs between epochs (not after the last), told how long the rest of the run should take at
   * its pace so far. Auto measures the backends here and may move the run to another one: the
   * tensors follow on their next use. Its time is left out of the run's speed.
   */
  betweenEpochs?: (pace: { epoch: number; msLeft: number }) => Promise<void>;
  /** Probes keep this many times their own duration apart (PROBE_COST_RATIO). */
  probeCostRatio?: number;
}

export type LoopOutcome =
  /** `note`: why it ended before its last epoch (early stopping). */
  | { kind: 'finished'; note?: string }
  | { kind: 'stopped' }
  | { kind: 'diverged'; epoch: number; batch: number; loss: number };

/** Probes during an epoch, at most this often. */
export const PROBE_EVERY_MS = 2000;
/** Epoch-end probes closer together than this are skipped (see LoopOptions). */
export const EPOCH_PROBE_GAP_MS = 250;
/**
 * Probes wait at least this many times their own last duration: they then cost the run at most
 * ~3% of its time. A probe runs the model on up to 256 samples and reads every layer back; on
 * the CPU backend a Conv1D probe took ~600 ms against a 2.4 s epoch, and probing twice an epoch
 * cost the run half its speed against plain model.fit.
 */
export const PROBE_COST_RATIO = 33;

/** A different shuffle per epoch, the same for the same seed. */
export const shuffleSeed = (seed: number, epoch: number) => (seed * 7919 + epoch * 104729) >>> 0;

export function batchesPerEpoch(trainCount: number, batchSize: number): number {
  return Math.max(1, Math.ceil(trainCount / batchSize));
}

function metricsObject(ids: readonly MetricId[], values: ArrayLike<number>, offset: number) {
  const out: MetricValues = {};
  ids.forEach((id, i) => (out[id] = values[offset + i] ?? NaN));
  return out;
}

export async function trainLoop(o: LoopOptions): Promise<LoopOutcome> {
  const { model, data, settings, control, callbacks } = o;
  const now = o.now ?? (() => performance.now());
  const n = sampleCount(data);
  const per = sampleSize(data);
  const k = data.yShape[1] ?? 1;
  const trainCount = data.trainCount;
  const metricIds = settings.metrics.filter((m) => metricApplies(m, settings.loss));
  const nb = batchesPerEpoch(trainCount, settings.batchSize);
  const sampleShape = data.xShape.slice(1);
  const xTrain = tf.tensor(data.x.subarray(0, trainCount * per), [trainCount, ...sampleShape]);
  const yTrain = tf.tensor2d(data.y.subarray(0, trainCount * k), [trainCount, k]);
  const valCount = n - trainCount;
  const xVal =
    valCount > 0 ? tf.tensor(data.x.subarray(trainCount * per), [valCount, ...sampleShape]) : null;
  const yVal = valCount > 0 ? tf.tensor2d(data.y.subarray(trainCount * k), [valCount, k]) : null;
  const optimizer = makeOptimizer(settings.optimizer, settings.learningRate);
  const ctx: StepContext = {
    model,
    optimizer,
    loss: lossFn(settings.loss, data.numClasses),
    metrics: metricIds.map((m) => metricFn(m, settings.loss)),
    clipNorm: settings.clipNorm,
  };
  const meter = new LossMeter(metricIds.length);
  const stopper = settings.earlyStopping ? earlyStopper(settings.earlyStopping) : null;
  const reseedDropout = dropoutReseeder(model);
  let step = 0;
  let elapsed = 0;
  let since = now();
  let lastFlush = -Infinity;
  let lastProbe = now();
  let probeCost = 0;
  const probe = async (epoch: number, batch: number) => {
    const start = now();
    await callbacks.onProbe(epoch, batch);
    lastProbe = now();
    // The untrained model's probe also compiles shaders and warms up: not what later ones cost.
    if (epoch > 0) probeCost = lastProbe - start;
  };
  /** Time since the last probe, against the least gap this kind of probe keeps. */
  const probeDue = (gap: number) =>
    now() - lastProbe >= Math.max(gap, probeCost * (o.probeCostRatio ?? PROBE_COST_RATIO));
  let samplesDone = 0;
  const totalSamples = trainCount * settings.epochs;

  const rateMeter = new RateMeter();
  /**
   * `final`: the whole run's speed, sent once at the end. The meter's recent speed needs 250 ms
   * between readings, so a short run would otherwise end showing no speed at all.
   */
  const progress = (epoch: number, batch: number, final = false): Progress => {
    const rate = final
      ? elapsed > 0
        ? (samplesDone / elapsed) * 1000
        : 0
      : rateMeter.update(samplesDone, elapsed);
    const left = totalSamples - samplesDone;
    return {
      epoch,
      batch,
      batchesPerEpoch: nb,
      totalEpochs: settings.epochs,
      samplesPerSec: rate,
      elapsedMs: elapsed,
      etaMs: !final && rate > 0 ? (left / rate) * 1000 : null,
    };
  };
  const tick = () => {
    const t = now();
    elapsed += t - since;
    since = t;
  };
  let at = { epoch: 1, batch: 0 };
  const end = (outcome: LoopOutcome): LoopOutcome => {
    tick();
    callbacks.onBatches([], progress(at.epoch, at.batch, true));
    return outcome;
  };
  /** Reads the pending losses in one go; returns the first non-finite one, if any. */
  const flush = async (epoch: number, batch: number) => {
    const bad = await meter.flush();
    lastFlush = now();
    tick();
    if (bad) return bad;
    const losses = meter.takeReported();
    if (losses.length > 0) callbacks.onBatches(losses, progress(epoch, batch));
    return null;
  };

  try {
    await probe(0, 0);
    since = now();
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const order = permutation(trainCount, shuffleSeed(settings.seed, epoch));
      meter.startEpoch();
      for (let b = 0; b < nb; b++) {
        if (control.isPaused && !control.isStopped) {
          const bad = await flush(epoch, b);
          if (bad) return { kind: 'diverged', ...bad };
          callbacks.onState('paused');
          tick();
          const go = await control.waitUntilRunnable();
          since = now();
          if (!go) return end({ kind: 'stopped' });
          callbacks.onState('running');
        }
        if (control.isStopped) return end({ kind: 'stopped' });
        const rate = control.takeLearningRate();
        if (rate !== null) setLearningRate(optimizer, rate);
        const indices = order.subarray(b * settings.batchSize, (b + 1) * settings.batchSize);
        reseedDropout(step++);
        const values = trainStep(ctx, xTrain, yTrain, indices);
        const pending: PendingBatch = { values, epoch, batch: b + 1, size: indices.length };
        meter.push(pending);
        samplesDone += indices.length;
        at = { epoch, batch: b + 1 };
        control.batchDone(b === nb - 1);
        // The first batch is read at once: it shows the first loss and surfaces a missing kernel.
        if (now() - lastFlush >= (o.flushEveryMs ?? 50)) {
          const bad = await flush(epoch, b + 1);
          if (bad) return { kind: 'diverged', ...bad };
        }
        if (probeDue(o.probeEveryMs ?? PROBE_EVERY_MS) && b < nb - 1) await probe(epoch, b + 1);
        await o.yieldNow();
      }
      const bad = await flush(epoch, nb);
      if (bad) return { kind: 'diverged', ...bad };
      const train = meter.epochMeans();
      let valLoss: number | null = null;
      let valMetrics: MetricValues = {};
      if (xVal && yVal) {
        const t = evaluate(ctx, xVal, yVal);
        const v = await t.data();
        t.dispose();
        valLoss = v[0] ?? NaN;
        valMetrics = metricsObject(metricIds, v, 1);
        if (!Number.isFinite(valLoss)) return { kind: 'diverged', epoch, batch: nb, loss: valLoss };
      }
      callbacks.onEpoch({
        epoch,
        loss: train[0] ?? NaN,
        metrics: metricsObject(metricIds, train, 1),
        valLoss,
        valMetrics,
        numTensors: tf.memory().numTensors,
      });
      const stopEarly = stopper?.afterEpoch(epoch, { loss: train[0] ?? NaN, valLoss }) ?? false;
      const lastEpoch = epoch === settings.epochs || stopEarly;
      if (lastEpoch || control.isPaused || probeDue(o.epochProbeGapMs ?? EPOCH_PROBE_GAP_MS)) {
        await probe(epoch, nb);
      }
      tick();
      if (o.betweenEpochs && !lastEpoch && !control.isStopped) {
        await o.betweenEpochs({ epoch, msLeft: (elapsed / epoch) * (settings.epochs - epoch) });
        since = now();
        lastProbe = now();
      }
      if (stopEarly) return end({ kind: 'finished', note: stopper?.reason ?? '' });
    }
    return end({ kind: 'finished' });
  } finally {
    meter.dispose();
    optimizer.dispose();
    tf.dispose([xTrain, yTrain, ...(xVal ? [xVal] : []), ...(yVal ? [yVal] : [])]);
  }
}
