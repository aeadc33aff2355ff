import * as tf from '@tensorflow/tfjs';

type Pad = tf.Conv2DBackpropFilterAttrs['pad'];

/** What the conv gradient kernels need to walk a channels-last (NHWC) convolution. */
export interface ConvGeometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  filterH: number;
  filterW: number;
  strideH: number;
  strideW: number;
  padTop: number;
  padLeft: number;
}

export interface ConvAttrs {
  strides: [number, number] | number;
  pad: Pad;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil' | undefined;
}

/**
 * The geometry of the forward convolution whose gradient `kernel` computes, from the same
 * attributes tfjs gives every backend (so 'same', 'valid' and explicit pads agree with them).
 * tfjs asks its conv gradients for dilation 1 only; NCHW is never produced by tfjs-layers here.
 */
export function convGeometry(
  kernel: string,
  xShape: readonly number[],
  filterShape: readonly number[],
  dyShape: readonly number[],
  attrs: ConvAttrs,
): ConvGeometry {
  if (attrs.dataFormat !== 'NHWC') {
    throw new Error(
      `${kernel} on wasm supports channels-last (NHWC) data only, got dataFormat '${attrs.dataFormat}'`,
    );
  }
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const expected = [info.batchSize, info.outHeight, info.outWidth, info.outChannels];
  if (expected.join() !== dyShape.join()) {
    throw new Error(
      `${kernel}: dy has shape [${dyShape.join(', ')}] but a convolution of [${xShape.join(', ')}] by [${filterShape.join(', ')}] gives [${expected.join(', ')}]`,
    );
  }
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    filterH: info.filterHeight,
    filterW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

/** Rows of the im2col matrix: one per filter tap and input channel. */
export const patchSize = (g: ConvGeometry) => g.filterH * g.filterW * g.inC;

/** Columns of the im2col matrix per sample: one per output pixel. */
export const pixelsPerSample = (g: ConvGeometry) => g.outH * g.outW;

/**
 * Samples per im2col chunk: the whole batch when its matrix fits `budget` floats, fewer (at least
 * one) otherwise, so a big batch of big images does not need gigabytes of wasm heap at once.
 */
export function samplesPerChunk(g: ConvGeometry, budget: number): number {
  const perSample = patchSize(g) * pixelsPerSample(g);
  return Math.max(1, Math.min(g.batch, Math.floor(budget / Math.max(1, perSample))));
}
