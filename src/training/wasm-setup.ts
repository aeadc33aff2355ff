import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { registerWasmTrainingKernels } from './kernels/wasm/register';

let prepared = false;

/** Node (the unit tests) reads the binaries from the package's folder; a page must fetch them. */
const inNode = Boolean(
  (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node,
);

/**
 * The wasm binaries ship with the app (no CDN); threads stay off: they hang in a minified build.
 * The gradient kernels tfjs-backend-wasm lacks (or gets wrong) are added here, so Conv and
 * pooling layers train on it.
 */
export async function prepareWasm(): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (prepared) return { ok: true };
  if (typeof WebAssembly === 'undefined')
    return { ok: false, reason: 'this browser has no WebAssembly' };
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (!inNode)
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
  registerWasmTrainingKernels();
  prepared = true;
  return { ok: true };
}
