import { describe, expect, it } from 'vitest';
import { checkLimits, describeLimits, isImageName, maxImagesFor, MAX_IMAGES } from './limits';
import { defaultImageFolderOptions } from './options';

const opts = defaultImageFolderOptions;

describe('image folder limits', () => {
  it("accepts Keras' image extensions, in any case", () => {
    for (const n of ['a.png', 'b.JPG', 'c.jpeg', 'd.gif', 'e.BMP'])
      expect(isImageName(n)).toBe(true);
    for (const n of ['a.txt', 'b.webp', 'png', 'c.png.txt']) expect(isImageName(n)).toBe(false);
  });

  it('states the limits, with the memory bound where it is lower', () => {
    expect(describeLimits(opts)).toBe('Up to 20\u00a0000 images and 200 MB of image files.');
    const big = { image_size: [128, 128] as [number, number], color_mode: 'rgb' as const };
    expect(maxImagesFor(big)).toBe(1365);
    expect(describeLimits(big)).toBe(
      'Up to 20\u00a0000 images (at 128×128 rgb: 1\u00a0365 images) and 200 MB of image files.',
    );
  });

  it('refuses too many images, too many bytes and too many pixels, naming the source', () => {
    expect(checkLimits(MAX_IMAGES, 1, opts, "'a'").ok).toBe(true);
    const count = checkLimits(MAX_IMAGES + 1, 1, opts, "'a'");
    expect(count.ok ? '' : count.reason).toBe(
      "'a' holds 20\u00a0001 images; the limit is 20\u00a0000. Import a smaller selection.",
    );
    const bytes = checkLimits(1, 300 * 1024 * 1024, opts, "'a.zip'");
    expect(bytes.ok ? '' : bytes.reason).toBe(
      "'a.zip' holds 300.0 MB of images; the limit is 200 MB. Import a smaller selection.",
    );
    const pixels = checkLimits(2000, 1, { image_size: [128, 128], color_mode: 'rgb' }, "'a'");
    expect(pixels.ok ? '' : pixels.reason).toContain(
      "Choose a smaller image_size or color_mode 'grayscale'",
    );
  });
});
