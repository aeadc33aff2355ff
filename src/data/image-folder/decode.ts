import { fail, ok, type Result } from '../result';
import { CHANNELS, type ColorMode } from './options';

/** The file's own size, before resizing. */
export interface DecodedSize {
  width: number;
  height: number;
}

/** Decodes one image into `out` at `offset` (height × width × channels floats in 0..1). */
export type ImageDecoder = (
  blob: Blob,
  out: Float32Array,
  offset: number,
) => Promise<Result<DecodedSize>>;

/** tf.image.rgb_to_grayscale's weights (ITU-R BT.601 luma), as Keras' grayscale mode uses. */
const LUMA = [0.2989, 0.587, 0.114] as const;

/**
 * The browser's decoder (createImageBitmap: PNG, JPEG, GIF's first frame, BMP) and a bilinear
 * resize on an OffscreenCanvas, in a worker or on the page. Like Keras' defaults: the whole
 * image is stretched to `size` (no crop_to_aspect_ratio), 'low' smoothing being plain bilinear
 * (no mipmaps, as tf.image.resize without antialias). A canvas stores premultiplied alpha, so a
 * fully transparent pixel reads back as black in 'rgb' and 'grayscale'.
 */
export function createCanvasDecoder(
  size: readonly [number, number],
  mode: ColorMode,
): ImageDecoder {
  const [h, w] = size;
  const c = CHANNELS[mode];
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return async (blob, out, offset) => {
    if (!ctx) return fail('this browser offers no 2D canvas to resize images with');
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(blob, {
        premultiplyAlpha: 'none',
        colorSpaceConversion: 'none',
      });
    } catch {
      return fail('could not be decoded as an image');
    }
    const { width, height } = bitmap;
    // Shared canvas: clear, draw and read happen with no await between them.
    ctx.clearRect(0, 0, w, h);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'low';
    ctx.drawImage(bitmap, 0, 0, w, h);
    bitmap.close();
    const rgba = ctx.getImageData(0, 0, w, h).data;
    for (let p = 0, o = offset; p < rgba.length; p += 4, o += c) {
      if (c === 1) {
        out[o] = (LUMA[0] * rgba[p]! + LUMA[1] * rgba[p + 1]! + LUMA[2] * rgba[p + 2]!) / 255;
      } else {
        for (let k = 0; k < c; k++) out[o + k] = rgba[p + k]! / 255;
      }
    }
    return ok({ width, height });
  };
}
