import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../core/model-spec';
import { activateBackend, missingKernel } from './backends';
import type { BackendName } from '../core/training/backend-names';
import { buildModel, disposeModel } from './build-model';
import { lossFn } from './losses';
import { makeOptimizer } from './optimizers';
import type { BenchmarkResult } from '../core/training/protocol';
import type { RunSettings } from '../core/training/settings';
import { createProber } from './probes';
import {
  batchesPerEpoch,
  EPOCH_PROBE_GAP_MS,
  PROBE_COST_RATIO,
  PROBE_EVERY_MS,
} from './train-loop';
import { trainStep, type StepContext } from './train-step';
import type { TrainingData } from '../core/training/training-data';

/** Why a backend cannot train this model, in words. */
export function backendFailure(name: BackendName, err: unknown): string {
  const kernel = missingKernel(err);
  if (kernel) return `${name} has no '${kernel}' kernel, which this model needs to train`;
  return `${name} failed while training: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * Training steps per second of this model on one backend, probes included. Warm-up first, by count and by time
 * (shader compiles, wasm start-up, and the JS JIT: the CPU backend's first conv steps ran 4x
 * slower than later ones, which once made Auto pick WebGL over a faster CPU), then
 * the median step time over `budgetMs`, so one slow step does not decide.
 */
export async function measureBackend(
  name: BackendName,
  spec: ModelSpec,
  data: TrainingData,
  settings: RunSettings,
  budgetMs = 700,
  warmup = { steps: 3, ms: 300, maxMs: 1500 },
): Promise<BenchmarkResult> {
  const ready = await activateBackend(name);
  if (!ready.ok) return { name, stepsPerSecond: null, warmupMs: null, reason: ready.reason };
  const per = data.xShape.slice(1);
  const size = Math.min(settings.batchSize, data.trainCount);
  const k = data.yShape[1] ?? 1;
  const x = tf.tensor(data.x.subarray(0, size * per.reduce((a, b) => a * b, 1)), [size, ...per]);
  const y = tf.tensor2d(data.y.subarray(0, size * k), [size, k]);
  const model = buildModel(spec, { seed: settings.seed, fusedRecurrent: settings.fusedRecurrent });
  const ctx: StepContext = {
    model,
    optimizer: makeOptimizer(settings.optimizer, settings.learningRate),
    loss: lossFn(settings.loss, data.numClasses),
    metrics: [],
    clipNorm: settings.clipNorm,
  };
  const indices = Int32Array.from({ length: size }, (_, i) => i);
  const step = async () => {
    const t = trainStep(ctx, x, y, indices);
    try {
      await t.data();
    } finally {
      t.dispose();
    }
  };
  let warmupMs: number | null = null;
  try {
    const warm = performance.now();
    for (let n = 1; ; n++) {
      await step();
      const spent = performance.now() - warm;
      if ((n >= warmup.steps && spent >= warmup.ms) || spent >= warmup.maxMs) break;
    }
    warmupMs = performance.now() - warm;
    const start = performance.now();
    const times: number[] = [];
    while (performance.now() - start < budgetMs && times.length < 200) {
      const t = performance.now();
      await step();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const stepMs = times[Math.floor(times.length / 2)] ?? NaN;
    const probeMs = await timeProbe(model, spec, data);
    return {
      name,
      stepsPerSecond: 1000 / withProbes(stepMs, probeMs, data, settings),
      warmupMs,
      reason: null,
    };
  } catch (err) {
    return { name, stepsPerSecond: null, warmupMs, reason: backendFailure(name, err) };
  } finally {
    ctx.optimizer.dispose();
    disposeModel(model);
    tf.dispose([x, y]);
  }
}

/** One probe's time, after a first one that compiles its shaders. */
async function timeProbe(model: tf.LayersModel, spec: ModelSpec, data: TrainingData) {
  const prober = createProber(model, spec, data, null);
  try {
    await prober.probe(0, 0);
    const start = performance.now();
    await prober.probe(0, 0);
    return performance.now() - start;
  } finally {
    prober.dispose();
  }
}

/**
 * A step's share of the real run: the probes the charts need come after each epoch (at most one
 * per EPOCH_PROBE_GAP_MS) and every PROBE_EVERY_MS in longer epochs, and they cost a GPU backend
 * more (read-backs) than the CPU, so steps alone could rank the backends wrongly.
 */
export function withProbes(
  stepMs: number,
  probeMs: number,
  data: TrainingData,
  settings: RunSettings,
): number {
  const epochMs = batchesPerEpoch(data.trainCount, settings.batchSize) * stepMs;
  const usual = epochMs > PROBE_EVERY_MS ? PROBE_EVERY_MS : Math.max(epochMs, EPOCH_PROBE_GAP_MS);
  const between = Math.max(usual, probeMs * PROBE_COST_RATIO);
  return stepMs * (1 + probeMs / between);
}
