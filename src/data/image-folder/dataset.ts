import type { ColorMode } from './options';

/**
 * What an image-folder import yields: plain arrays that cross a worker boundary by transfer.
 * `pixels` holds count × height × width × channels float32 values in 0..1, sample after sample,
 * row-major (NHWC, tfjs' and Keras' channels_last). Keras' own loader yields 0..255; a model
 * built for these pixels needs no Rescaling(1/255) layer, a Keras script on the folder does.
 */
export interface ImageSamples {
  pixels: Float32Array;
  /** Class index per sample, into `classNames`. */
  labels: Int32Array;
  /** Each sample's file, relative to the source ('cats/1.png'), for messages and previews. */
  paths: string[];
}

export interface ImageFolderData {
  /** The folder or zip the user gave. */
  name: string;
  /** Sorted class-folder names; a label is an index into it. */
  classNames: string[];
  /** Keras' (height, width). */
  imageSize: [number, number];
  colorMode: ColorMode;
  channels: 1 | 3;
  /** The shuffle seed used (given or drawn), so the same split can be asked for again. */
  seed: number;
  /** The training subset, or every image when validation_split is 0; null for subset 'validation'. */
  training: ImageSamples | null;
  /** The validation subset; null without a split or for subset 'training'. */
  validation: ImageSamples | null;
  /** What was done to the images (resized, which folder was read). */
  notes: string[];
  /** What was skipped and why, naming the files. */
  warnings: string[];
}

/** Images per class over both subsets, in `classNames` order. */
export function classCounts(data: ImageFolderData): number[] {
  const counts = data.classNames.map(() => 0);
  for (const set of [data.training, data.validation]) {
    for (const label of set?.labels ?? []) counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

export const sampleCount = (set: ImageSamples | null): number => set?.labels.length ?? 0;
