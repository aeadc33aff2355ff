import { numpyShuffle } from './numpy-random';
import type { ImageFolderOptions } from './options';

/** One file in Keras' order, with its class index. */
export interface LabelledFile {
  /** Relative to the folder read as Keras' `directory`: 'cats/tabby/1.png'. */
  path: string;
  label: number;
}

export interface SplitFiles<F extends LabelledFile = LabelledFile> {
  /** Training subset (or every file when there is no split); null for subset 'validation'. */
  training: F[] | null;
  /** Validation subset; null when validation_split is 0 or subset is 'training'. */
  validation: F[] | null;
  /** The seed used: the one given, or the one drawn for this import. */
  seed: number;
}

/** Keras draws `np.random.randint(1e6)` when no seed is given. */
export const drawSeed = (random: () => number = Math.random): number => Math.floor(random() * 1e6);

/**
 * Keras' rules: shuffle (files and labels with the same seed, so they stay paired), then
 * validation is the last int(validation_split × n) files and training the rest. subset
 * 'training' / 'validation' keeps one of them, 'both' both. Keras' `samples[:-0]` would leave
 * no training files when int(split × n) is 0; here training keeps every file then.
 */
export function splitFiles<F extends LabelledFile>(
  files: readonly F[],
  options: Pick<ImageFolderOptions, 'validation_split' | 'subset' | 'shuffle'>,
  seed: number,
): SplitFiles<F> {
  const order = options.shuffle ? numpyShuffle(files, seed) : files.slice();
  if (!options.validation_split) return { training: order, validation: null, seed };
  const numVal = Math.floor(options.validation_split * order.length);
  const training = order.slice(0, order.length - numVal);
  const validation = order.slice(order.length - numVal);
  switch (options.subset) {
    case 'both':
      return { training, validation, seed };
    case 'training':
      return { training, validation: null, seed };
    case 'validation':
      return { training: null, validation, seed };
  }
}
