import type { Shape } from './layers/types';
import type { Result } from './result';
import type { ModelSpec } from './model-spec';
import { inferShapes } from './shapes';

/** More layers than this is not a model anyone trains by hand in a tab. */
export const MAX_LAYERS = 50;
/**
 * What one tab may spend on a model. WebGL and WebGPU backends share the GPU with the page and
 * other tabs; past about half a gigabyte of float32 textures, laptops start losing the context.
 */
export const MEMORY_BUDGET_BYTES = 512 * 2 ** 20;
/** Keras's default batch_size, assumed until the training settings say otherwise. */
export const DEFAULT_BATCH = 32;

const FLOAT32 = 4;
/** A trainable weight also keeps its gradient and Adam's two moments (m and v). */
const COPIES_PER_TRAINABLE = 4;
/** Activations are kept for the backward pass, which makes a gradient of the same size. */
const COPIES_PER_ACTIVATION = 2;

export interface MemoryEstimate {
  layers: number;
  trainable: number;
  nonTrainable: number;
  /** Weights, gradients and optimizer state. */
  weightBytes: number;
  /** Activations of one batch, forward and backward. */
  activationBytes: number;
  totalBytes: number;
  batchSize: number;
}

const valuesPerExample = (shape: Shape | null) =>
  shape ? shape.slice(1).reduce<number>((n, d) => n * (d ?? 1), 1) : 0;

/**
 * Estimated memory to train `spec` with Adam. Layers whose shape is unknown (below an error)
 * count as zero, so fixing the error is checked again by the edit that fixes it.
 */
export function estimateMemory(spec: ModelSpec, batchSize = DEFAULT_BATCH): MemoryEstimate {
  const report = inferShapes(spec);
  let trainable = 0;
  let nonTrainable = 0;
  let activations = 0;
  for (const layer of report.layers) {
    trainable += layer.params.trainable;
    nonTrainable += layer.params.nonTrainable;
    activations += valuesPerExample(layer.output);
  }
  const weightBytes = FLOAT32 * (COPIES_PER_TRAINABLE * trainable + nonTrainable);
  const activationBytes = FLOAT32 * COPIES_PER_ACTIVATION * batchSize * activations;
  return {
    layers: spec.layers.length,
    trainable,
    nonTrainable,
    weightBytes,
    activationBytes,
    totalBytes: weightBytes + activationBytes,
    batchSize,
  };
}

/** "1.2 GB", "340 MB", "12 KB" (binary units, as browsers' task managers show them). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Whether a model fits in a browser tab; the reason quotes the estimate and says what to shrink. */
export function checkLimits(spec: ModelSpec, batchSize = DEFAULT_BATCH): Result<MemoryEstimate> {
  const estimate = estimateMemory(spec, batchSize);
  if (estimate.layers > MAX_LAYERS) {
    return {
      ok: false,
      reason: `A model can have at most ${MAX_LAYERS} layers in the browser (this one would have ${estimate.layers}): remove a layer first.`,
    };
  }
  if (estimate.totalBytes > MEMORY_BUDGET_BYTES) {
    const params = count(estimate.trainable + estimate.nonTrainable);
    return {
      ok: false,
      reason:
        `This model would need about ${formatBytes(estimate.totalBytes)} to train in the browser ` +
        `(${params} parameters with gradients and Adam state: ${formatBytes(estimate.weightBytes)}; ` +
        `activations for a batch of ${batchSize}: ${formatBytes(estimate.activationBytes)}), ` +
        `over the ${formatBytes(MEMORY_BUDGET_BYTES)} budget: use fewer units or filters, or a smaller input.`,
    };
  }
  return { ok: true, value: estimate };
}

/**
 * Accepts an edit unless it takes the model over the limits. An edit that leaves a model which
 * is already over them (say, from an old link) no bigger is allowed, so the user can shrink it.
 */
export function guardEdit(before: ModelSpec, after: ModelSpec): Result<ModelSpec> {
  const checked = checkLimits(after);
  if (checked.ok) return { ok: true, value: after };
  const was = estimateMemory(before);
  const now = estimateMemory(after);
  const shrinks =
    !checkLimits(before).ok && now.layers <= was.layers && now.totalBytes <= was.totalBytes;
  return shrinks ? { ok: true, value: after } : { ok: false, reason: checked.reason };
}
