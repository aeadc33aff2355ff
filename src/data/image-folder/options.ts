import { z } from 'zod';

/**
 * The import's options, with the names and meanings of Keras'
 * `keras.utils.image_dataset_from_directory`. Where a default differs from Keras, the reason is
 * beside it. `labels` is always 'inferred' (one sub-folder per class), `interpolation` always
 * 'bilinear' and `crop_to_aspect_ratio` always false: the only values this reader implements.
 */
/** No 'rgba': the app's image sets (src/data/images.ts) hold 1 or 3 channels. */
export const COLOR_MODES = ['grayscale', 'rgb'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];
export const SUBSETS = ['both', 'training', 'validation'] as const;
export type Subset = (typeof SUBSETS)[number];

export const CHANNELS: Record<ColorMode, 1 | 3> = { grayscale: 1, rgb: 3 };

export const MIN_SIDE = 4;
export const MAX_SIDE = 256;
/** The fields' own schemas, which the form's number rules read their ranges from. */
export const sideSchema = z.int().min(MIN_SIDE).max(MAX_SIDE);
export const validationSplitSchema = z.number().min(0).max(0.9);
export const seedSchema = z.int().min(0).max(4294967295).nullable();

export const imageFolderOptionsSchema = z.object({
  labels: z.literal('inferred').default('inferred'),
  /**
   * [height, width]. Keras defaults to 256×256; here 28×28, MNIST's size: 20 000 images of it
   * fit in the browser's memory in every colour mode and a small CNN trains on them in seconds.
   */
  image_size: z.tuple([sideSchema, sideSchema]).default([28, 28]),
  color_mode: z.enum(COLOR_MODES).default('rgb'),
  /**
   * Keras defaults to none; the app trains with a validation set, so 0.2 and subset 'both'
   * (the app's usual split). 0 means no split, and then `subset` is ignored (Keras: None).
   */
  validation_split: validationSplitSchema.default(0.2),
  subset: z.enum(SUBSETS).default('both'),
  /** null: a random seed is drawn (as Keras does) and reported with the data, so it can be reused. */
  seed: seedSchema.default(null),
  shuffle: z.boolean().default(true),
});

export type ImageFolderOptions = z.infer<typeof imageFolderOptionsSchema>;

export const defaultImageFolderOptions: ImageFolderOptions = imageFolderOptionsSchema.parse({});
