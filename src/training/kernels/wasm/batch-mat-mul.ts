import * as tf from '@tensorflow/tfjs';
// The wasm backend's own BatchMatMul must be registered before this module looks it up.
import '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from './kernel-limits';

/** tfjs-backend-wasm 4.22's BatchMatMul, which this module wraps. */
const tfjs = tf.getKernel(tf.BatchMatMul, 'wasm');
const tfjsBatchMatMul = tfjs?.kernelFunc ?? null;

/** The operand with its last two axes swapped, by the backend's own Transpose (a copy). */
function swapLastAxes(t: tf.TensorInfo, backend: tf.KernelBackend): tf.TensorInfo {
  const transpose = tf.getKernel(tf.Transpose, 'wasm');
  if (!transpose) throw new Error("the wasm backend has no 'Transpose' kernel");
  const r = t.shape.length;
  const perm = [...Array.from({ length: r - 2 }, (_, i) => i), r - 1, r - 2];
  return transpose.kernelFunc({ inputs: { x: t }, backend, attrs: { perm } }) as tf.TensorInfo;
}

/**
 * a·b with either operand transposed: the wasm backend sends a transposed product through a
 * scalar loop, several times slower than its XNNPACK path (X·Xᵀ for 256 × 496: 23 ms against
 * 4 ms; a Dense layer's gradients xᵀ·dy and dy·Wᵀ at batch 32: 2.5×). Every Dense, LSTM and
 * Conv layer's backward pass asks for such products, so the operand is transposed first (a
 * copy, small next to the product) and the product taken without a flag.
 */
function batchMatMul(args: KernelArgs): tf.TensorInfo | tf.TensorInfo[] {
  if (!tfjsBatchMatMul) throw new Error("the wasm backend has no 'BatchMatMul' kernel");
  const { inputs, attrs } = args;
  const backend = args.backend as tf.KernelBackend;
  const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
  if (!transposeA && !transposeB) return tfjsBatchMatMul(args);
  const made: tf.TensorInfo[] = [];
  const plain = (t: tf.TensorInfo, flip: boolean) => {
    if (!flip) return t;
    const copy = swapLastAxes(t, backend);
    made.push(copy);
    return copy;
  };
  try {
    return tfjsBatchMatMul({
      inputs: { a: plain(a, transposeA), b: plain(b, transposeB) },
      backend,
      attrs: { transposeA: false, transposeB: false },
    });
  } finally {
    for (const t of made) backend.disposeData(t.dataId);
  }
}

export const batchMatMulConfig: tf.KernelConfig = {
  kernelName: tf.BatchMatMul,
  backendName: 'wasm',
  kernelFunc: batchMatMul as tf.KernelFunc,
  // tfjs' kernel binds its wasm function when the backend starts: that must still happen.
  ...(tfjs?.setupFunc && { setupFunc: tfjs.setupFunc }),
  ...(tfjs?.disposeFunc && { disposeFunc: tfjs.disposeFunc }),
};
