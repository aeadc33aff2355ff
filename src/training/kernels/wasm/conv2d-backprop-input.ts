import * as tf from '@tensorflow/tfjs';
import { convGeometry, patchSize, samplesPerChunk } from './conv-geometry';
import { scatterColumns } from './im2col';
import { allocate, heapF32, matMul, sampleRows, type WasmHeap } from './wasm-heap';
import { assertFloat32, COLUMN_BUDGET, type KernelArgs } from './kernel-limits';

/**
 * dx = col2im(dy × filterᵀ): one matmul by the wasm backend's XNNPACK, then each window's
 * gradient is added back where the window read. tfjs-backend-wasm has its own kernel, a scalar
 * loop that measured 1.5× (3×3, 32→32) to 5× (3×3 stride 2, 8→16) slower in Node; this one
 * replaces it.
 */
function conv2DBackpropInput({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo {
  const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const a = attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const heap = backend as unknown as WasmHeap;
  assertFloat32(tf.Conv2DBackpropInput, { dy, filter });
  const g = convGeometry(tf.Conv2DBackpropInput, a.inputShape, filter.shape, dy.shape, a);
  const taps = patchSize(g);
  // The filter is [taps, outC]; the matmul wants it as [outC, taps] without a transpose flag.
  const filterT = allocate(heap, [g.outC, taps]);
  const f = heapF32(heap, filter);
  const t = heapF32(heap, filterT);
  for (let r = 0; r < taps; r++) {
    for (let c = 0; c < g.outC; c++) t[c * taps + r] = f[r * g.outC + c] as number;
  }
  const dx = allocate(heap, [...a.inputShape]);
  const chunk = samplesPerChunk(g, COLUMN_BUDGET);
  for (let b0 = 0; b0 < g.batch; b0 += chunk) {
    const count = Math.min(chunk, g.batch - b0);
    const { rows, owned } = sampleRows(heap, dy, b0, count);
    const dcols = matMul(heap, rows, filterT);
    if (owned) heap.disposeData(rows.dataId);
    scatterColumns(heapF32(heap, dcols), g, b0, count, heapF32(heap, dx));
    heap.disposeData(dcols.dataId);
  }
  heap.disposeData(filterT.dataId);
  return dx;
}

export const conv2DBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropInput,
};
