import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { specFrom } from '../../../core/spec-from';
import { buildModel, disposeModel } from '../../build-model';
import { lossFn } from '../../losses';
import { makeOptimizer } from '../../optimizers';
import { trainStep } from '../../train-step';
import { countDispatches } from './check-training';
import { defaultKernelMode, fusedRecurrent, runRecurrentProgram } from './fused-recurrent-op';
import {
  RecurrentBackwardProgram,
  RecurrentForwardProgram,
  RecurrentWeightGradProgram,
} from './recurrent-programs';
import { GATES, type KernelMode, type RecurrentKind } from './recurrent-wgsl';

/**
 * Where a fused training batch spends its time on this adapter (for the bench's profile,
 * bench/lib/fused-recurrent-profile.mjs): each piece run alone, the GPU drained before and
 * after, median wall milliseconds. The pieces are the three fused programs, the op's forward
 * and gradient as tfjs runs them (slices included), and the app's whole train step (the Dense
 * layer, the loss and Adam around the layer).
 */
export interface ProfileOptions {
  kind: RecurrentKind;
  units: number;
  steps: number;
  batch: number;
  features: number;
  repeats: number;
  mode?: KernelMode;
}

export interface Profile {
  mode: KernelMode;
  /** Median ms of each piece. */
  ms: Record<string, number>;
  /** WebGPU dispatches of each piece. */
  dispatches: Record<string, number>;
}

async function drain() {
  const backend = tf.backend() as WebGPUBackend;
  // tfjs' own flush: end the open pass, submit what was recorded.
  backend.ensureCommandEncoderReady();
  backend.endComputePassEncoder();
  backend.submitQueue();
  await backend.device.queue.onSubmittedWorkDone();
}

async function timed(repeats: number, f: () => tf.Tensor[]): Promise<[number, number]> {
  const times: number[] = [];
  let dispatches = 0;
  // One extra run first: it compiles the shaders.
  for (let i = 0; i <= repeats; i++) {
    await drain();
    const t0 = performance.now();
    let out: tf.Tensor[] = [];
    dispatches = countDispatches(() => {
      out = f();
    });
    await drain();
    if (i > 0) times.push(performance.now() - t0);
    tf.dispose(out);
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(times.length / 2)] ?? NaN, dispatches];
}

export async function profileFused(o: ProfileOptions): Promise<Profile> {
  if (!(await tf.setBackend('webgpu'))) throw new Error('the webgpu backend did not start');
  const mode = o.mode ?? defaultKernelMode();
  const config = {
    kind: o.kind,
    units: o.units,
    activation: 'tanh' as const,
    recurrentActivation: 'sigmoid' as const,
    useBias: true,
    returnSequences: false,
    mode,
  };
  const width = GATES[o.kind] * o.units;
  const x = tf.randomUniform([o.batch, o.steps, o.features], -1, 1, 'float32', 1) as tf.Tensor3D;
  const w = tf.randomUniform([o.features, width], -0.3, 0.3, 'float32', 2) as tf.Tensor2D;
  const rk = tf.randomUniform([o.units, width], -0.3, 0.3, 'float32', 3) as tf.Tensor2D;
  const b = tf.randomUniform([width], -0.3, 0.3, 'float32', 4) as tf.Tensor1D;
  const dy = tf.randomUniform([o.batch, o.units], -1, 1, 'float32', 5);
  const ms: Record<string, number> = {};
  const dispatches: Record<string, number> = {};
  const record = async (name: string, f: () => tf.Tensor[]) => {
    [ms[name], dispatches[name]] = await timed(o.repeats, f);
  };

  await record('drain only', () => []);
  const forward = () =>
    runRecurrentProgram(
      new RecurrentForwardProgram(config, mode, o.batch, o.steps),
      [x, w, rk, b],
      o.steps,
    );
  await record('forward program', () => [forward()]);
  const slots = forward();
  const backward = () =>
    runRecurrentProgram(
      new RecurrentBackwardProgram(config, mode, false, o.batch, o.steps, o.features),
      [slots, rk, dy, w],
      o.steps,
    );
  await record('backward program', () => [backward()]);
  const dzx = backward();
  await record('weight-gradient program', () => [
    runRecurrentProgram(
      new RecurrentWeightGradProgram(config, o.features),
      [x, slots, dzx],
      o.steps,
    ),
  ]);
  tf.dispose([slots, dzx]);
  await record('op forward', () => [fusedRecurrent(config, x, w, rk, b)]);
  await record('op forward + gradient', () =>
    tf.grads((...t: tf.Tensor[]) =>
      tf.sum(
        tf.mul(
          fusedRecurrent(
            config,
            t[0] as tf.Tensor3D,
            t[1] as tf.Tensor2D,
            t[2] as tf.Tensor2D,
            t[3] as tf.Tensor1D,
          ),
          dy,
        ),
      ),
    )([x, w, rk, b]),
  );
  tf.dispose([x, w, rk, b, dy]);

  const spec = specFrom([
    ['Input', { shape: [o.steps, o.features] }],
    [o.kind, { units: o.units }],
    ['Dense', { units: 1 }],
  ]);
  const model = buildModel(spec, { seed: 1, fusedRecurrent: true });
  const xs = tf.randomUniform([o.batch, o.steps, o.features], -1, 1, 'float32', 6);
  const ys = tf.randomUniform([o.batch, 1], -1, 1, 'float32', 7);
  const ctx = {
    model,
    optimizer: makeOptimizer('adam', 0.01),
    loss: lossFn('mse', 0),
    metrics: [],
    clipNorm: null,
  };
  const idx = Int32Array.from({ length: o.batch }, (_, i) => i);
  await record('app train step', () => [trainStep(ctx, xs, ys, idx)]);
  ctx.optimizer.dispose();
  tf.dispose([xs, ys]);
  disposeModel(model);
  return { mode, ms, dispatches };
}
