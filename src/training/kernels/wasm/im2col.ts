import type { ConvGeometry } from './conv-geometry';

/**
 * The range of output positions o whose tap `k` lands inside an input of length `size`:
 * 0 <= o*stride - pad + k < size, clipped to [0, outSize).
 */
function validOutputs(k: number, stride: number, pad: number, size: number, outSize: number) {
  const first = Math.min(outSize, Math.max(0, Math.ceil((pad - k) / stride)));
  const end = Math.min(outSize, Math.floor((size - 1 + pad - k) / stride) + 1);
  return { first, end: Math.max(first, end) };
}

/**
 * Writes the transposed im2col matrix of samples [b0, b0 + count) of x (NHWC) into `cols`:
 * row (ky, kx, ci) holds, for every output pixel of those samples, the input value its window
 * sees at that tap (0 in the padding). Transposed, so the filter gradient is one plain matmul
 * cols × dy: XNNPACK, which the wasm BatchMatMul uses, is ~10× slower with a transposed operand.
 * Every element of `cols` is written (wasm heap memory comes uninitialised).
 */
export function fillColumnsTransposed(
  x: Float32Array,
  g: ConvGeometry,
  b0: number,
  count: number,
  cols: Float32Array,
): void {
  const { inH, inW, inC, outH, outW, filterH, filterW, strideH, strideW, padTop, padLeft } = g;
  const pixels = count * outH * outW;
  const xStep = strideW * inC;
  for (let ky = 0; ky < filterH; ky++) {
    for (let kx = 0; kx < filterW; kx++) {
      const { first, end } = validOutputs(kx, strideW, padLeft, inW, outW);
      for (let ci = 0; ci < inC; ci++) {
        let dst = ((ky * filterW + kx) * inC + ci) * pixels;
        for (let b = b0; b < b0 + count; b++) {
          for (let oy = 0; oy < outH; oy++) {
            const iy = oy * strideH - padTop + ky;
            if (iy < 0 || iy >= inH) {
              cols.fill(0, dst, dst + outW);
              dst += outW;
              continue;
            }
            cols.fill(0, dst, dst + first);
            let src = ((b * inH + iy) * inW + first * strideW - padLeft + kx) * inC + ci;
            for (let ox = first; ox < end; ox++, src += xStep) cols[dst + ox] = x[src] as number;
            cols.fill(0, dst + end, dst + outW);
            dst += outW;
          }
        }
      }
    }
  }
}

/**
 * The inverse of im2col for the input gradient: `dcols` holds, per output pixel of samples
 * [b0, b0 + count), the gradient for each (ky, kx, ci) tap of its window (row-major, one row per
 * pixel); each is added to the input position the tap read. Those samples of dx are zeroed first.
 */
export function scatterColumns(
  dcols: Float32Array,
  g: ConvGeometry,
  b0: number,
  count: number,
  dx: Float32Array,
): void {
  const { inH, inW, inC, outH, outW, filterH, filterW, strideH, strideW, padTop, padLeft } = g;
  const sampleSize = inH * inW * inC;
  dx.fill(0, b0 * sampleSize, (b0 + count) * sampleSize);
  const rowLength = filterH * filterW * inC;
  let row = 0;
  for (let b = b0; b < b0 + count; b++) {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++, row += rowLength) {
        for (let ky = 0; ky < filterH; ky++) {
          const iy = oy * strideH - padTop + ky;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < filterW; kx++) {
            const ix = ox * strideW - padLeft + kx;
            if (ix < 0 || ix >= inW) continue;
            const src = row + (ky * filterW + kx) * inC;
            const dst = ((b * inH + iy) * inW + ix) * inC;
            for (let ci = 0; ci < inC; ci++) {
              dx[dst + ci] = (dx[dst + ci] as number) + (dcols[src + ci] as number);
            }
          }
        }
      }
    }
  }
}
