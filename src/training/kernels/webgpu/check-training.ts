import * as tf from '@tensorflow/tfjs';
import { specFrom } from '../../../core/spec-from';
import { buildModel, disposeModel } from '../../build-model';
import { recurrentKernelReport } from '../../fused-recurrent-layer';
import { lossFn } from '../../losses';
import { makeOptimizer } from '../../optimizers';
import { trainStep } from '../../train-step';
import { prepareWasm } from '../../wasm-setup';
import type { RecurrentKind } from './recurrent-wgsl';

/**
 * Runs `fn` and counts the compute dispatches it records: tfjs' webgpu backend encodes each
 * kernel as it runs, so wrapping the pass encoder's dispatch sees every one.
 */
export function countDispatches(fn: () => void): number {
  // A browser without WebGPU has no encoder class (and nothing to count).
  if (typeof GPUComputePassEncoder === 'undefined') {
    fn();
    return 0;
  }
  const proto = GPUComputePassEncoder.prototype;
  const original = proto.dispatchWorkgroups;
  let count = 0;
  proto.dispatchWorkgroups = function (this: GPUComputePassEncoder, ...args) {
    count += 1;
    return original.apply(this, args);
  };
  try {
    fn();
  } finally {
    proto.dispatchWorkgroups = original;
  }
  return count;
}

export interface CurveOptions {
  kind: RecurrentKind;
  fused: boolean;
  backend: 'webgpu' | 'webgl' | 'wasm' | 'cpu';
  units: number;
  steps: number;
  samples: number;
  batchSize: number;
  epochs: number;
  seed: number;
  /**
   * At most this many batches an epoch (the bench's bound for implementations that take
   * seconds a batch); the samples/s of such an epoch is its batches' samples over its time.
   */
  maxBatches?: number;
}

export interface Curve {
  /** Mean training loss per epoch. */
  losses: number[];
  /** tf.memory() after each epoch. */
  tensors: number[];
  bytes: number[];
  /** recurrentKernelReport after the run: which kernel ran. */
  report: string | null;
  /** WebGPU dispatches of the last batch (0 on other backends). */
  dispatchesPerBatch: number;
  /** Wall time of each epoch, data read back included. */
  epochMs: number[];
  /** Samples each epoch trained on (all of them unless maxBatches bounds it). */
  samplesPerEpoch: number;
}

/**
 * A short training run through the app's own model building and train step, fused or not:
 * runs with the same seed start from the same weights and see the same batches.
 */
export async function trainCurve(o: CurveOptions): Promise<Curve> {
  if (o.backend === 'wasm') await prepareWasm();
  if (!(await tf.setBackend(o.backend))) throw new Error(`the ${o.backend} backend did not start`);
  const spec = specFrom([
    ['Input', { shape: [o.steps, 2] }],
    [o.kind, { units: o.units }],
    ['Dense', { units: 1 }],
  ]);
  const model = buildModel(spec, { seed: o.seed, fusedRecurrent: o.fused });
  const n = o.samples * o.steps * 2;
  const xs = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 + o.seed));
  // A target the recurrence must carry across the window (its first input), so the loss falls
  // far in a few epochs and a wrong gradient through time shows in the curve.
  const ys = Float32Array.from({ length: o.samples }, (_, i) => xs[i * o.steps * 2] ?? 0);
  const x = tf.tensor3d(xs, [o.samples, o.steps, 2]);
  const y = tf.tensor2d(ys, [o.samples, 1]);
  const ctx = {
    model,
    optimizer: makeOptimizer('adam', 0.03),
    loss: lossFn('mse', 0),
    metrics: [],
    clipNorm: null,
  };
  const curve: Curve = {
    losses: [],
    tensors: [],
    bytes: [],
    report: null,
    dispatchesPerBatch: 0,
    epochMs: [],
    samplesPerEpoch: Math.min(o.samples, (o.maxBatches ?? Infinity) * o.batchSize),
  };
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const t0 = performance.now();
    let sum = 0;
    let batches = 0;
    for (let start = 0; start < curve.samplesPerEpoch; start += o.batchSize) {
      const end = Math.min(curve.samplesPerEpoch, start + o.batchSize);
      const idx = Int32Array.from({ length: end - start }, (_, i) => start + i);
      let out: tf.Tensor1D | undefined;
      curve.dispatchesPerBatch = countDispatches(() => {
        out = trainStep(ctx, x, y, idx);
      });
      if (!out) throw new Error('trainStep returned nothing');
      sum += (await out.data())[0] ?? NaN;
      out.dispose();
      batches += 1;
    }
    curve.epochMs.push(performance.now() - t0);
    curve.losses.push(sum / batches);
    curve.tensors.push(tf.memory().numTensors);
    curve.bytes.push(tf.memory().numBytes);
  }
  curve.report = recurrentKernelReport(model);
  ctx.optimizer.dispose();
  tf.dispose([x, y]);
  disposeModel(model);
  return curve;
}
