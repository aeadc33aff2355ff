import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../data/random';
import { prepareWasm } from '../../wasm-setup';

/** Test support: one convolution's gradients, computed the same way on any backend. */
export interface ConvCase {
  batch: number;
  /** [length] for Conv1D, [height, width] for Conv2D. */
  size: number[];
  inC: number;
  outC: number;
  kernel: number;
  stride: number;
  pad: 'valid' | 'same' | tf.backend_util.ExplicitPadding;
}

export type BackendUnderTest = 'cpu' | 'wasm';

export async function switchBackend(name: BackendUnderTest): Promise<void> {
  if (name === 'wasm') {
    const ready = await prepareWasm();
    if (!ready.ok) throw new Error(`wasm cannot start: ${ready.reason}`);
  }
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') failed`);
}

function values(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
}

export const describeCase = (c: ConvCase) =>
  `${c.size.length}D batch ${c.batch} size ${c.size.join('×')} ${c.inC}→${c.outC} kernel ${c.kernel} stride ${c.stride} ${typeof c.pad === 'string' ? c.pad : JSON.stringify(c.pad)}`;

function conv(c: ConvCase, x: tf.Tensor, w: tf.Tensor): tf.Tensor {
  if (c.size.length === 1) {
    if (typeof c.pad !== 'string') throw new Error('explicit padding is a Conv2D case');
    return tf.conv1d(x as tf.Tensor3D, w as tf.Tensor3D, c.stride, c.pad);
  }
  return tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.stride, c.pad);
}

/** dx and dfilter of sum(conv(x, w) · r) for seeded x, w and r: so dy = r, not all ones. */
export async function convGradients(
  backend: BackendUnderTest,
  c: ConvCase,
  seed = 1,
): Promise<{ dx: Float32Array; dw: Float32Array }> {
  await switchBackend(backend);
  const xShape = [c.batch, ...c.size, c.inC];
  const wShape = [...c.size.map(() => c.kernel), c.inC, c.outC];
  const [dx, dw] = tf.tidy(() => {
    const x = tf.tensor(values(tf.util.sizeFromShape(xShape), seed), xShape);
    const w = tf.tensor(values(tf.util.sizeFromShape(wShape), seed + 1), wShape);
    const yShape = conv(c, x, w).shape;
    const dy = tf.tensor(values(tf.util.sizeFromShape(yShape), seed + 2), yShape);
    return tf.grads((a, b) => conv(c, a, b))([x, w], dy);
  }) as [tf.Tensor, tf.Tensor];
  const out = { dx: (await dx.data()) as Float32Array, dw: (await dw.data()) as Float32Array };
  tf.dispose([dx, dw]);
  return out;
}

/**
 * The largest error (relative where |expected| > 1, absolute below) among those above `tol`;
 * 0 when every value is within `tol`, Infinity for NaN or a length mismatch.
 */
export function worstExcess(actual: Float32Array, expected: Float32Array, tol: number): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  expected.forEach((e, i) => {
    const a = actual[i] as number;
    const excess = Math.abs(a - e) / Math.max(1, Math.abs(e)) - tol;
    if (!(excess <= 0)) worst = Math.max(worst, Number.isNaN(excess) ? Infinity : excess + tol);
  });
  return worst;
}
