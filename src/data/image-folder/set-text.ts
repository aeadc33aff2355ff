import { binaryTextToBytes, bytesToBinaryText } from '../binary-text';
import { checkImageSet, type ImageSet } from '../images';
import { fail, type Result } from '../result';

/**
 * An imported image set as the text the data pipeline carries (a CSV's text, MNIST's bytes):
 * one JSON line with the shape and class names, then the pixels' and labels' bytes as binary
 * text. So imported images reach the data worker, its table cache and a failed-import fallback
 * exactly as a user's CSV does, without a second path through the pipeline.
 */
interface Header {
  shape: [number, number, number];
  count: number;
  classNames: string[];
}

const bytesOf = (a: Float32Array | Int32Array) =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export function imageSetToText(set: ImageSet): string {
  const header: Header = { shape: set.shape, count: set.labels.length, classNames: set.classNames };
  // JSON escapes line breaks inside strings, so the first '\n' ends the header.
  return `${JSON.stringify(header)}\n${bytesToBinaryText([bytesOf(set.pixels), bytesOf(set.labels)])}`;
}

export function imageSetFromText(text: string, what: string): Result<ImageSet> {
  const cut = text.indexOf('\n');
  const unreadable = fail(
    `${what}: the imported images could not be read back; import them again.`,
  );
  if (cut < 0) return unreadable;
  let header: Header;
  try {
    header = JSON.parse(text.slice(0, cut)) as Header;
  } catch {
    return unreadable;
  }
  const bytes = binaryTextToBytes(text.slice(cut + 1));
  const [h, w, c] = Array.isArray(header.shape) ? header.shape : [];
  const n = header.count;
  if (!bytes || !Number.isInteger(n) || !Array.isArray(header.classNames)) return unreadable;
  const values = n * (h ?? 0) * (w ?? 0) * (c ?? 0);
  if (!Number.isInteger(values) || bytes.length !== (values + n) * 4) return unreadable;
  // A fresh buffer: Float32Array needs 4-byte alignment, which a slice at 0 has.
  const pixels = new Float32Array(bytes.buffer, 0, values);
  const labels = new Int32Array(bytes.buffer, values * 4, n);
  return checkImageSet(
    { pixels, labels, shape: [h ?? 0, w ?? 0, c ?? 0], classNames: header.classNames.map(String) },
    what,
  );
}
