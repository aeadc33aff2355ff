import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The parts of tfjs's wasm backend the gradient kernels use: tensors living on the wasm heap. */
export type WasmHeap = Pick<BackendWasm, 'makeOutput' | 'typedArrayFromHeap' | 'disposeData'>;

/**
 * A float32 view of a tensor's memory on the wasm heap. It is only valid until the next
 * allocation: growing the heap detaches every view, so take views after the last makeOutput.
 */
export function heapF32(heap: WasmHeap, t: tf.TensorInfo): Float32Array {
  return heap.typedArrayFromHeap(t) as Float32Array;
}

/** A new uninitialised float32 tensor on the wasm heap (the caller writes every element). */
export const allocate = (heap: WasmHeap, shape: number[]) => heap.makeOutput(shape, 'float32');

/**
 * a [m, k] × b [k, n] by the wasm backend's own BatchMatMul (XNNPACK). Neither operand is
 * transposed: with a transpose it takes a scalar loop about ten times slower.
 */
export function matMul(heap: WasmHeap, a: tf.TensorInfo, b: tf.TensorInfo): tf.TensorInfo {
  const kernel = tf.getKernel('BatchMatMul', 'wasm');
  if (!kernel) throw new Error("the wasm backend has no 'BatchMatMul' kernel");
  const out = kernel.kernelFunc({
    inputs: { a, b },
    backend: heap as unknown as tf.KernelBackend,
    attrs: { transposeA: false, transposeB: false },
  }) as tf.TensorInfo;
  return { ...out, shape: [a.shape[0] ?? 0, b.shape[1] ?? 0] };
}

/** The same memory seen with another shape of the same size (what Reshape does, minus the refcount). */
export const viewAs = (t: tf.TensorInfo, shape: number[]): tf.TensorInfo => ({
  dataId: t.dataId,
  dtype: t.dtype,
  shape,
});

/**
 * Samples [b0, b0 + count) of an NHWC tensor as a [count × pixels, channels] matrix: the tensor's
 * own memory when that is all of it, else a copy (a view into the middle of a heap block cannot
 * be a tensor: disposing it would free memory it does not own). `owned` says whether to dispose.
 */
export function sampleRows(
  heap: WasmHeap,
  t: tf.TensorInfo,
  b0: number,
  count: number,
): { rows: tf.TensorInfo; owned: boolean } {
  const [batch = 0, ...rest] = t.shape;
  const channels = rest.at(-1) ?? 1;
  const perSample = rest.reduce((n, d) => n * d, 1);
  const shape = [(count * perSample) / channels, channels];
  if (b0 === 0 && count === batch) return { rows: viewAs(t, shape), owned: false };
  const rows = allocate(heap, shape);
  const source = heapF32(heap, t).subarray(b0 * perSample, (b0 + count) * perSample);
  heapF32(heap, rows).set(source);
  return { rows, owned: true };
}
