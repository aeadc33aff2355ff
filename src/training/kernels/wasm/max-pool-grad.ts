import * as tf from '@tensorflow/tfjs';
import { allocate, heapF32, type WasmHeap } from './wasm-heap';
import { assertFloat32, type KernelArgs } from './kernel-limits';

/**
 * dx of a max pool: each window's dy goes to the first position holding its maximum (the CPU
 * backend's choice). Replaces tfjs-backend-wasm 4.22's MaxPoolGrad, which sends the gradient of
 * a window whose values are all negative to the wrong place or nowhere: after a linear Conv
 * (or any layer with negative outputs) a MaxPooling layer then trained differently on wasm.
 */
function maxPoolGrad({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const { dy, input } = inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const a = attrs as unknown as tf.MaxPoolGradAttrs;
  const heap = backend as unknown as WasmHeap;
  assertFloat32(tf.MaxPoolGrad, { dy, input });
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    a.filterSize,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, outHeight, outWidth, strideHeight, strideWidth } = info;
  const channels = info.inChannels;
  const expected = [batchSize, outHeight, outWidth, channels];
  if (expected.join() !== dy.shape.join()) {
    throw new Error(
      `MaxPoolGrad: dy has shape [${dy.shape.join(', ')}] but pooling [${input.shape.join(', ')}] gives [${expected.join(', ')}]`,
    );
  }
  const dx = allocate(heap, [...input.shape]);
  const x = heapF32(heap, input);
  const g = heapF32(heap, dy);
  const out = heapF32(heap, dx);
  out.fill(0);
  // Per channel of one window: the largest value so far and where it is. Channels are innermost
  // in NHWC, so scanning them together reads x in order.
  const best = new Float32Array(channels);
  const at = new Int32Array(channels);
  let o = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++, o += channels) {
        best.fill(-Infinity);
        at.fill(-1);
        for (let fy = 0; fy < info.filterHeight; fy++) {
          const iy = oy * strideHeight - info.padInfo.top + fy;
          if (iy < 0 || iy >= inHeight) continue;
          for (let fx = 0; fx < info.filterWidth; fx++) {
            const ix = ox * strideWidth - info.padInfo.left + fx;
            if (ix < 0 || ix >= inWidth) continue;
            const base = ((b * inHeight + iy) * inWidth + ix) * channels;
            for (let c = 0; c < channels; c++) {
              const v = x[base + c] as number;
              if (v > (best[c] as number)) {
                best[c] = v;
                at[c] = base + c;
              }
            }
          }
        }
        for (let c = 0; c < channels; c++) {
          const p = at[c] as number;
          // -1: a window of NaNs only; the CPU backend gives it no gradient either.
          if (p >= 0) out[p] = (out[p] as number) + (g[o + c] as number);
        }
      }
    }
  }
  return dx;
}

export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad,
};
