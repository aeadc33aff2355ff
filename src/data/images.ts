import { fail, formatCount, ok, type Result } from './result';
import type { Table } from './table';

/**
 * The app's one representation of a labelled image set, whatever it came from (a shipped
 * MNIST file, the UCI digits, an image folder read Keras-style): pixels as Float32 in 0–1,
 * samples one after another, each stored row by row with the channels innermost (Keras'
 * channels_last, so one sample reshapes to [height, width, channels]); a class index per sample
 * and the class names those indices point into.
 */
export interface ImageSet {
  /** count · height · width · channels values in [0, 1]. */
  pixels: Float32Array;
  /** [height, width, channels]; channels is 1 (grayscale) or 3 (rgb). */
  shape: [number, number, number];
  /** Class index of each sample, into classNames. */
  labels: Int32Array;
  classNames: string[];
}

export const imageCount = (set: ImageSet): number => set.labels.length;
export const pixelsPerImage = (set: ImageSet): number => set.shape[0] * set.shape[1] * set.shape[2];

/** One sample's pixels, without copying. */
export function imageAt(set: ImageSet, index: number): Float32Array {
  const per = pixelsPerImage(set);
  return set.pixels.subarray(index * per, (index + 1) * per);
}

/** Samples per class, in classNames order. */
export function classCounts(set: ImageSet): number[] {
  const counts = set.classNames.map(() => 0);
  for (const label of set.labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

/** Checks what any reader produced; `what` names the data in messages. */
export function checkImageSet(set: ImageSet, what: string): Result<ImageSet> {
  const [h, w, c] = set.shape;
  if (![h, w, c].every((d) => Number.isInteger(d) && d >= 1) || (c !== 1 && c !== 3)) {
    return fail(
      `${what}: images must be height × width × 1 or 3 channels, not ${set.shape.join('×')}.`,
    );
  }
  const n = imageCount(set);
  if (n === 0) return fail(`${what} holds no images.`);
  if (set.pixels.length !== n * h * w * c) {
    return fail(
      `${what}: ${formatCount(n)} labels but ${formatCount(set.pixels.length)} pixel values (expected ${formatCount(n * h * w * c)}).`,
    );
  }
  const k = set.classNames.length;
  const bad = set.labels.findIndex((l) => l < 0 || l >= k);
  if (bad >= 0) {
    return fail(
      `${what}: image ${bad + 1} has label ${set.labels[bad]}, outside the ${k} classes.`,
    );
  }
  return ok(set);
}

/** The column that carries the labels when an image set becomes a table. */
export const IMAGE_LABEL = 'label';

/**
 * An image set as the pipeline's table: one categorical label column (so tasks, splits and
 * class names work as for any table) and the pixels kept whole in `images`, never split into
 * one column per pixel (a 256×256 rgb folder would make 196 608 columns).
 */
export function imageTable(set: ImageSet): Table {
  const column = {
    name: IMAGE_LABEL,
    kind: 'categorical' as const,
    codes: set.labels,
    categories: set.classNames,
  };
  return {
    columns: [column],
    rowCount: imageCount(set),
    roles: { [IMAGE_LABEL]: 'label' },
    kind: 'table',
    sampleShape: [...set.shape],
    images: set,
  };
}

/** The pixels of the given samples, in that order, as one [N, h, w, c] array. */
export function gatherImages(set: ImageSet, rows: ArrayLike<number>): Float32Array {
  const per = pixelsPerImage(set);
  const out = new Float32Array(rows.length * per);
  for (let k = 0; k < rows.length; k++) {
    const from = (rows[k] as number) * per;
    out.set(set.pixels.subarray(from, from + per), k * per);
  }
  return out;
}
