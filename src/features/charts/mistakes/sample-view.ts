import type { PreparedData } from '../../../data/index';

/** [height, width, channels] when the samples are pictures (1 or 3 channels), else null. */
export function imageShape(data: Pick<PreparedData, 'xShape'>): [number, number, 1 | 3] | null {
  const [, h, w, c] = data.xShape;
  if (data.xShape.length !== 4 || !h || !w || (c !== 1 && c !== 3)) return null;
  return [h, w, c];
}

/**
 * A sample's feature values in the data's own units: x holds them normalised, and a reader
 * knows "alcohol 13.2", not "alcohol 0.41 standard deviations".
 */
export function rawFeatures(
  data: Pick<PreparedData, 'x' | 'xShape' | 'normalisation'>,
  sample: number,
): number[] {
  const per = data.xShape.slice(1).reduce((a, b) => a * b, 1);
  const { offset, scale } = data.normalisation;
  const f = offset.length;
  const out = new Array<number>(per);
  for (let i = 0; i < per; i++) {
    const v = data.x[sample * per + i] ?? NaN;
    out[i] = f > 0 ? v * (scale[i % f] ?? 1) + (offset[i % f] ?? 0) : v;
  }
  return out;
}

/**
 * RGBA bytes for one picture, `values` row-major [h, w, c]. Pixels 0–1 map as they are (an
 * image table in other units, e.g. counts 0–16, is stretched to its own range). Grey images
 * draw dark ink on light paper, as the data previews do; colour images in their colours.
 */
export function imageRgba(values: readonly number[], channels: 1 | 3): Uint8ClampedArray {
  let lo = 0;
  let hi = 1;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const span = hi - lo;
  const pixels = Math.floor(values.length / channels);
  const out = new Uint8ClampedArray(pixels * 4);
  const level = (v: number | undefined) => (Number.isFinite(v) ? ((v as number) - lo) / span : 0);
  for (let p = 0; p < pixels; p++) {
    for (let k = 0; k < 3; k++) {
      const v = level(values[p * channels + (channels === 3 ? k : 0)]);
      out[p * 4 + k] = Math.round(255 * (channels === 1 ? 1 - v : v));
    }
    out[p * 4 + 3] = 255;
  }
  return out;
}
