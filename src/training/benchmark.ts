import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../core/model-spec';
import { activateBackend, missingKernel } from './backends';
import type { BackendName } from './backend-names';
import { buildModel, disposeModel } from './build-model';
import { lossFn } from './losses';
import { makeOptimizer } from './optimizers';
import type { BenchmarkResult } from './protocol';
import type { RunSettings } from './settings';
import { trainStep, type StepContext } from './train-step';
import type { TrainingData } from './training-data';

/** Why a backend cannot train this model, in words. */
export function backendFailure(name: BackendName, err: unknown): string {
  const kernel = missingKernel(err);
  if (kernel) return `${name} has no '${kernel}' kernel, which this model needs to train`;
  return `${name} failed while training: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * Training steps per second of this model on one backend: one warm-up step (shader compiles,
 * wasm start-up), then steps until `budgetMs` has passed, waiting for the backend to finish.
 */
export async function measureBackend(
  name: BackendName,
  spec: ModelSpec,
  data: TrainingData,
  settings: RunSettings,
  budgetMs = 700,
): Promise<BenchmarkResult> {
  const ready = await activateBackend(name);
  if (!ready.ok) return { name, stepsPerSecond: null, warmupMs: null, reason: ready.reason };
  const per = data.xShape.slice(1);
  const size = Math.min(settings.batchSize, data.trainCount);
  const k = data.yShape[1] ?? 1;
  const x = tf.tensor(data.x.subarray(0, size * per.reduce((a, b) => a * b, 1)), [size, ...per]);
  const y = tf.tensor2d(data.y.subarray(0, size * k), [size, k]);
  const model = buildModel(spec, { seed: settings.seed });
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
    await step();
    warmupMs = performance.now() - warm;
    const start = performance.now();
    let steps = 0;
    while (performance.now() - start < budgetMs && steps < 200) {
      await step();
      steps++;
    }
    const seconds = (performance.now() - start) / 1000;
    return { name, stepsPerSecond: steps / seconds, warmupMs, reason: null };
  } catch (err) {
    return { name, stepsPerSecond: null, warmupMs, reason: backendFailure(name, err) };
  } finally {
    ctx.optimizer.dispose();
    disposeModel(model);
    tf.dispose([x, y]);
  }
}
