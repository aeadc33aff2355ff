import type * as tf from '@tensorflow/tfjs';

/**
 * Floats of im2col matrix per chunk (16 MiB): a whole batch of the app's models fits in one
 * chunk; a big batch of big images is split by samples instead of asking for gigabytes of heap.
 */
export const COLUMN_BUDGET = 1 << 22;

/** These kernels read the heap as float32; tfjs only differentiates float tensors anyway. */
export function assertFloat32(kernel: string, tensors: Record<string, tf.TensorInfo>): void {
  for (const [name, t] of Object.entries(tensors)) {
    if (t.dtype !== 'float32')
      throw new Error(`${kernel} on wasm takes float32 tensors, but ${name} is ${t.dtype}`);
  }
}

/** What tfjs passes a kernel function. */
export type KernelArgs = Parameters<tf.KernelFunc>[0];
