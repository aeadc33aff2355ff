import * as tf from '@tensorflow/tfjs';
import { convGeometry, patchSize, pixelsPerSample, samplesPerChunk } from './conv-geometry';
import { fillColumnsTransposed } from './im2col';
import { allocate, heapF32, matMul, sampleRows, viewAs, type WasmHeap } from './wasm-heap';
import { assertFloat32, COLUMN_BUDGET, type KernelArgs } from './kernel-limits';

/**
 * dfilter = im2col(x)ᵀ × dy: the columns are built in JS on the wasm heap and multiplied by the
 * wasm backend's own matmul. tfjs-backend-wasm 4.22 has no kernel for this, so without it no
 * Conv1D or Conv2D layer could train on wasm.
 */
function conv2DBackpropFilter({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const heap = backend as unknown as WasmHeap;
  assertFloat32(tf.Conv2DBackpropFilter, { x, dy });
  const g = convGeometry(tf.Conv2DBackpropFilter, x.shape, a.filterShape, dy.shape, a);
  const taps = patchSize(g);
  const chunk = samplesPerChunk(g, COLUMN_BUDGET);
  let sum: tf.TensorInfo | null = null;
  for (let b0 = 0; b0 < g.batch; b0 += chunk) {
    const count = Math.min(chunk, g.batch - b0);
    const cols = allocate(heap, [taps, count * pixelsPerSample(g)]);
    const { rows, owned } = sampleRows(heap, dy, b0, count);
    fillColumnsTransposed(heapF32(heap, x), g, b0, count, heapF32(heap, cols));
    const part = matMul(heap, cols, rows);
    heap.disposeData(cols.dataId);
    if (owned) heap.disposeData(rows.dataId);
    if (!sum) {
      sum = part;
      continue;
    }
    const total = heapF32(heap, sum);
    heapF32(heap, part).forEach((v, i) => (total[i] = (total[i] as number) + v));
    heap.disposeData(part.dataId);
  }
  if (!sum) {
    // An empty batch: the gradient is all zeros.
    sum = allocate(heap, [taps, g.outC]);
    heapF32(heap, sum).fill(0);
  }
  return viewAs(sum, [...a.filterShape]);
}

export const conv2DBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter,
};
