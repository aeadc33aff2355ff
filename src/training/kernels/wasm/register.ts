import * as tf from '@tensorflow/tfjs';
// The wasm backend registers its own kernels when imported: it must come first, or its
// Conv2DBackpropInput and MaxPoolGrad would replace ours.
import '@tensorflow/tfjs-backend-wasm';
import { batchMatMulConfig } from './batch-mat-mul';
import { conv2DBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2DBackpropInputConfig } from './conv2d-backprop-input';
import { maxPoolGradConfig } from './max-pool-grad';

/**
 * The gradient kernels Layerlab adds to (or fixes in) tfjs-backend-wasm 4.22 so Conv and
 * pooling layers train on it as they do on the CPU backend, and the transposed products every
 * backward pass asks for, on its fast path.
 */
export const WASM_TRAINING_KERNELS: readonly tf.KernelConfig[] = [
  batchMatMulConfig,
  conv2DBackpropFilterConfig,
  conv2DBackpropInputConfig,
  maxPoolGradConfig,
];

/** Registers them once; later calls (and calls after a test restored them) change nothing. */
export function registerWasmTrainingKernels(): void {
  for (const config of WASM_TRAINING_KERNELS) {
    const current = tf.getKernel(config.kernelName, 'wasm');
    if (current?.kernelFunc === config.kernelFunc) continue;
    // Unregister first: registerKernel over an existing kernel warns on the console.
    if (current) tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel(config);
  }
}
