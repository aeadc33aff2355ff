import { checkImageSet, type ImageSet } from './images';
import { readIdx } from './idx';
import { fail, formatCount, type Result } from './result';

export const DIGIT_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * MNIST as shipped: the images file (n×rows×cols bytes, 0–255) followed by the labels file
 * (n bytes, 0–9), both IDX, inflated and joined.
 */
export function readMnistPair(
  bytes: Uint8Array,
  imagesName: string,
  labelsName: string,
): Result<ImageSet> {
  const images = readIdx(bytes, imagesName);
  if (!images.ok) return images;
  const [n = 0, h = 0, w = 0, extra] = images.value.dims;
  if (images.value.dims.length !== 3 || extra !== undefined) {
    return fail(
      `'${imagesName}' should hold images (3 dimensions: count, rows, columns), not ${images.value.dims.join('×')}.`,
    );
  }
  const labels = readIdx(bytes, labelsName, images.value.byteLength);
  if (!labels.ok) return labels;
  if (labels.value.dims.length !== 1 || labels.value.dims[0] !== n) {
    return fail(
      `'${labelsName}' holds ${labels.value.dims.join('×')} labels but '${imagesName}' holds ${formatCount(n)} images.`,
    );
  }
  const pixels = new Float32Array(images.value.data.length);
  const raw = images.value.data;
  for (let i = 0; i < raw.length; i++) pixels[i] = (raw[i] as number) / 255;
  const set: ImageSet = {
    pixels,
    shape: [h, w, 1],
    labels: Int32Array.from(labels.value.data),
    classNames: DIGIT_NAMES,
  };
  return checkImageSet(set, `'${labelsName}'`);
}

const UCI_SIDE = 8;
const UCI_MAX = 16;

/**
 * The UCI optical digits: one row per image, 64 pixel counts 0–16 (row by row) then the
 * digit; no header. Pixels are scaled to 0–1 by the counts' maximum, 16.
 */
export function readUciDigits(text: string, name: string): Result<ImageSet> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const per = UCI_SIDE * UCI_SIDE;
  const pixels = new Float32Array(lines.length * per);
  const labels = new Int32Array(lines.length);
  for (let r = 0; r < lines.length; r++) {
    const cells = (lines[r] as string).split(',');
    if (cells.length !== per + 1) {
      return fail(
        `'${name}' row ${r + 1} has ${cells.length} values; each needs ${per + 1} (64 pixels and the digit).`,
      );
    }
    for (let j = 0; j <= per; j++) {
      const v = Number(cells[j]);
      const max = j < per ? UCI_MAX : 9;
      if (!Number.isInteger(v) || v < 0 || v > max) {
        return fail(
          `'${name}' row ${r + 1}, value ${j + 1} is '${cells[j]}'; expected a whole number 0–${max}.`,
        );
      }
      if (j < per) pixels[r * per + j] = v / UCI_MAX;
      else labels[r] = v;
    }
  }
  return checkImageSet(
    { pixels, shape: [UCI_SIDE, UCI_SIDE, 1], labels, classNames: DIGIT_NAMES },
    `'${name}'`,
  );
}
