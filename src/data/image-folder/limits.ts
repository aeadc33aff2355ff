import { fail, formatCount, ok, type Result } from '../result';
import { CHANNELS, type ImageFolderOptions } from './options';

/** Stated up front in the import form and enforced before anything is decoded. */
export const MAX_IMAGES = 20_000;
export const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
/** Decoded pixels are float32: 64 Mi values are 256 MB, beside the training copy. */
export const MAX_PIXEL_VALUES = 64 * 1024 * 1024;

/** Keras' allow-list (image_dataset_from_directory's ALLOWLIST_FORMATS). */
export const IMAGE_EXTENSIONS = ['.bmp', '.gif', '.jpeg', '.jpg', '.png'] as const;

export const isImageName = (name: string): boolean => {
  const lower = name.toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
};

const MB = 1024 * 1024;

/** How many images of this size and colour mode fit in the decoded-pixel budget. */
export function maxImagesFor(options: Pick<ImageFolderOptions, 'image_size' | 'color_mode'>) {
  const [h, w] = options.image_size;
  const perImage = h * w * CHANNELS[options.color_mode];
  return Math.min(MAX_IMAGES, Math.floor(MAX_PIXEL_VALUES / perImage));
}

/** "Up to 20 000 images and 200 MB of files (…)": the sentence the form shows before import. */
export function describeLimits(options: Pick<ImageFolderOptions, 'image_size' | 'color_mode'>) {
  const [h, w] = options.image_size;
  const fit = maxImagesFor(options);
  const at =
    fit < MAX_IMAGES ? ` (at ${h}×${w} ${options.color_mode}: ${formatCount(fit)} images)` : '';
  return `Up to ${formatCount(MAX_IMAGES)} images${at} and ${MAX_TOTAL_BYTES / MB} MB of image files.`;
}

export function checkLimits(
  count: number,
  bytes: number,
  options: Pick<ImageFolderOptions, 'image_size' | 'color_mode'>,
  source: string,
): Result<true> {
  if (bytes > MAX_TOTAL_BYTES) {
    return fail(
      `${source} holds ${(bytes / MB).toFixed(1)} MB of images; the limit is ${MAX_TOTAL_BYTES / MB} MB. Import a smaller selection.`,
    );
  }
  if (count > MAX_IMAGES) {
    return fail(
      `${source} holds ${formatCount(count)} images; the limit is ${formatCount(MAX_IMAGES)}. Import a smaller selection.`,
    );
  }
  const fit = maxImagesFor(options);
  if (count > fit) {
    const [h, w] = options.image_size;
    return fail(
      `${formatCount(count)} images at ${h}×${w} ${options.color_mode} would need more memory than the browser is given here (${formatCount(fit)} fit). Choose a smaller image_size or color_mode 'grayscale'.`,
    );
  }
  return ok(true);
}
