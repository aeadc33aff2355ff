import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import type { ActivationId } from '../../../core/activations';
import { TFJS_ACTIVATION } from '../../tf-activation';
import { fusedRecurrent } from './fused-recurrent-op';
import { GATES, type KernelMode, type RecurrentKind } from './recurrent-wgsl';
import { profileFused } from './check-profile';
import { countDispatches, trainCurve } from './check-training';

/**
 * The page e2e/fused-recurrent.spec.ts opens (built by e2e/kernels/vite.config.ts): it runs the
 * fused kernels on webgpu and tfjs-layers' own LSTM/GRU/SimpleRNN on cpu with the same weights
 * and inputs, and reports how far apart the outputs and every gradient are.
 */
export interface CheckCase {
  kind: RecurrentKind;
  units: number;
  steps: number;
  batch: number;
  features: number;
  activation: ActivationId;
  recurrentActivation: ActivationId;
  useBias: boolean;
  returnSequences: boolean;
  seed: number;
  /** The kernel mode to force; by default the adapter's (serial on SwiftShader). */
  mode?: KernelMode;
}

export type TensorName = 'output' | 'dx' | 'kernel' | 'recurrentKernel' | 'bias';
export interface CheckResult {
  /** max |fused − reference| / max |reference|, per tensor. */
  errors: Partial<Record<TensorName, number>>;
  /** tf.memory().numTensors on webgpu before and after the fused forward and gradient. */
  tensors: [number, number];
}

function random(seed: number) {
  let s = seed >>> 0;
  return (scale: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) * scale;
  };
}

function inputsFor(c: CheckCase) {
  const rand = random(c.seed);
  const width = GATES[c.kind] * c.units;
  const fill = (n: number, scale: number) => Float32Array.from({ length: n }, () => rand(scale));
  return {
    x: fill(c.batch * c.steps * c.features, 1),
    kernel: fill(c.features * width, Math.sqrt(6 / (c.features + width))),
    recurrent: fill(c.units * width, 1.5 / Math.sqrt(c.units)),
    bias: fill(width, 0.5),
    // The loss is sum(output · probe): a different upstream gradient for every output value.
    probe: fill(c.batch * (c.returnSequences ? c.steps : 1) * c.units, 1),
  };
}

type Arrays = Partial<Record<TensorName, Float32Array | undefined>>;
const outShape = (c: CheckCase) =>
  c.returnSequences ? [c.batch, c.steps, c.units] : [c.batch, c.units];

interface CellCall {
  cell: { call(inputs: tf.Tensor[], kwargs: object): tf.Tensor[] };
}

/**
 * tfjs-layers cannot differentiate its own RNN over a single step (the gradient of the unstack
 * it splits the steps with receives one tensor where it expects a list), so the 1-step
 * reference runs the layer's cell once from the zero state, which is what the layer computes.
 */
function oneStep(layer: tf.layers.Layer, x: tf.Tensor, c: CheckCase): tf.Tensor {
  const x2 = tf.reshape(x, [c.batch, c.features]);
  const zero = tf.zeros([c.batch, c.units]);
  const states = c.kind === 'LSTM' ? [zero, zero] : [zero];
  const [h] = (layer as unknown as CellCall).cell.call([x2, ...states], {});
  if (!h) throw new Error('the cell returned no output');
  return c.returnSequences ? tf.reshape(h, [c.batch, 1, c.units]) : h;
}

async function reference(c: CheckCase): Promise<Arrays> {
  await tf.setBackend('cpu');
  const d = inputsFor(c);
  const make = { LSTM: tf.layers.lstm, GRU: tf.layers.gru, SimpleRNN: tf.layers.simpleRNN }[c.kind];
  const layer = make({
    units: c.units,
    activation: TFJS_ACTIVATION[c.activation],
    recurrentActivation: TFJS_ACTIVATION[c.recurrentActivation],
    useBias: c.useBias,
    returnSequences: c.returnSequences,
    // Zeros: the weights are set below, and the orthogonal default costs a QR per build.
    kernelInitializer: 'zeros',
    recurrentInitializer: 'zeros',
  });
  // apply() builds the layer (build() alone leaves it unbuilt, and apply would build again).
  tf.dispose(tf.tidy(() => layer.apply(tf.zeros([1, 1, c.features])) as tf.Tensor));
  const width = GATES[c.kind] * c.units;
  const weights = [
    tf.tensor2d(d.kernel, [c.features, width]),
    tf.tensor2d(d.recurrent, [c.units, width]),
    ...(c.useBias ? [tf.tensor1d(d.bias)] : []),
  ];
  layer.setWeights(weights);
  const x = tf.variable(tf.tensor3d(d.x, [c.batch, c.steps, c.features]));
  const probe = tf.tensor(d.probe, outShape(c));
  const vars = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  const apply = () => (c.steps === 1 ? oneStep(layer, x, c) : (layer.apply(x) as tf.Tensor));
  const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(apply(), probe)), [x, ...vars]);
  const output = apply();
  const read = async (t: tf.Tensor | undefined) =>
    t ? new Float32Array(await t.data()) : undefined;
  const out: Arrays = {
    output: await read(output),
    dx: await read(grads[x.name]),
    kernel: await read(grads[vars[0]?.name ?? '']),
    recurrentKernel: await read(grads[vars[1]?.name ?? '']),
    bias: c.useBias ? await read(grads[vars[2]?.name ?? '']) : undefined,
  };
  tf.dispose([...weights, x, probe, value, output, ...Object.values(grads)]);
  layer.dispose();
  return out;
}

/** The fused op's output and gradients on webgpu (fusedRecurrent takes the weights directly). */
function fusedGrads(c: CheckCase) {
  const d = inputsFor(c);
  const width = GATES[c.kind] * c.units;
  const args = { ...c };
  const x = tf.tensor3d(d.x, [c.batch, c.steps, c.features]);
  const w = tf.tensor2d(d.kernel, [c.features, width]);
  const rk = tf.tensor2d(d.recurrent, [c.units, width]);
  const b = tf.tensor1d(d.bias);
  const probe = tf.tensor(d.probe, outShape(c));
  const loss = (...t: tf.Tensor[]) =>
    tf.sum(
      tf.mul(
        fusedRecurrent(
          args,
          t[0] as tf.Tensor3D,
          t[1] as tf.Tensor2D,
          t[2] as tf.Tensor2D,
          c.useBias ? (t[3] as tf.Tensor1D) : null,
        ),
        probe,
      ),
    );
  const grads = tf.grads(loss)(c.useBias ? [x, w, rk, b] : [x, w, rk]);
  const output = fusedRecurrent(args, x, w, rk, c.useBias ? b : null);
  return { grads, output, inputs: [x, w, rk, b, probe] };
}

async function fused(c: CheckCase): Promise<{ arrays: Arrays; tensors: [number, number] }> {
  await tf.setBackend('webgpu');
  const before = tf.memory().numTensors;
  const { grads, output, inputs } = fusedGrads(c);
  const read = async (t: tf.Tensor | undefined) =>
    t ? new Float32Array(await t.data()) : undefined;
  const arrays: Arrays = {
    output: await read(output),
    dx: await read(grads[0]),
    kernel: await read(grads[1]),
    recurrentKernel: await read(grads[2]),
    bias: c.useBias ? await read(grads[3]) : undefined,
  };
  tf.dispose([...grads, output, ...inputs]);
  return { arrays, tensors: [before, tf.memory().numTensors] };
}

function relativeError(got: Float32Array, want: Float32Array): number {
  if (got.length !== want.length) return Infinity;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < want.length; i++) {
    const g = got[i] ?? NaN;
    const w = want[i] ?? NaN;
    if (!Number.isFinite(g) || !Number.isFinite(w)) return Infinity;
    diff = Math.max(diff, Math.abs(g - w));
    scale = Math.max(scale, Math.abs(w));
  }
  return diff / Math.max(scale, 1e-6);
}

export async function checkCase(c: CheckCase): Promise<CheckResult> {
  const want = await reference(c);
  const { arrays: got, tensors } = await fused(c);
  const errors: CheckResult['errors'] = {};
  for (const name of Object.keys(want) as TensorName[]) {
    const w = want[name];
    const g = got[name];
    if (w || g) errors[name] = w && g ? relativeError(g, w) : Infinity;
  }
  return { errors, tensors };
}

/** GPU dispatches of one fused forward + gradient: the point is that steps do not add any. */
export async function fusedDispatches(c: CheckCase): Promise<number> {
  await tf.setBackend('webgpu');
  return countDispatches(() => {
    const { grads, output, inputs } = fusedGrads(c);
    tf.dispose([...grads, output, ...inputs]);
  });
}

/** Wall milliseconds of the fused forward alone and of forward + gradient (median of 3). */
export async function fusedTimings(c: CheckCase): Promise<{ forwardMs: number; gradMs: number }> {
  await tf.setBackend('webgpu');
  const median = async (f: () => tf.Tensor[]) => {
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const out = f();
      await Promise.all(out.map((t) => t.data()));
      times.push(performance.now() - t0);
      tf.dispose(out);
    }
    return times.slice(1).sort((a, b) => a - b)[1] ?? NaN;
  };
  const d = inputsFor(c);
  const width = GATES[c.kind] * c.units;
  const x = tf.tensor3d(d.x, [c.batch, c.steps, c.features]);
  const w = tf.tensor2d(d.kernel, [c.features, width]);
  const rk = tf.tensor2d(d.recurrent, [c.units, width]);
  const b = tf.tensor1d(d.bias);
  const forwardMs = await median(() => [fusedRecurrent(c, x, w, rk, c.useBias ? b : null)]);
  tf.dispose([x, w, rk, b]);
  const gradMs = await median(() => {
    const { grads, output, inputs } = fusedGrads(c);
    tf.dispose(inputs);
    return [...grads, output];
  });
  return { forwardMs, gradMs };
}

export async function hasWebGpu(): Promise<boolean> {
  return (await tf.setBackend('webgpu')) && tf.getBackend() === 'webgpu';
}

tf.env().set('PROD', true);
// The spec calls these through page.evaluate (this runs in a page, never in the app).
Object.assign(globalThis, {
  fusedRecurrentCheck: {
    hasWebGpu,
    checkCase,
    fusedDispatches,
    fusedTimings,
    trainCurve,
    profileFused,
  },
});
