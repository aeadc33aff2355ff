import { checkImageSet, type ImageSet } from '../images';
import { fail, type Result } from '../result';

/**
 * An imported image set as the bytes the data pipeline carries (as MNIST's IDX bytes): a 4-byte
 * header length, the header (shape and class names) as UTF-8 JSON, padding to a multiple of 4,
 * then the pixels (float32) and labels (int32) as they lie in memory. So imported images reach
 * the data worker, its table cache and a failed-import fallback through the same path as a
 * shipped set, and the worker reads the pixels in place.
 */
interface Header {
  shape: [number, number, number];
  count: number;
  classNames: string[];
}

const bytesOf = (a: Float32Array | Int32Array) =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const align4 = (n: number) => Math.ceil(n / 4) * 4;

export function imageSetToBytes(set: ImageSet): Uint8Array {
  const header: Header = { shape: set.shape, count: set.labels.length, classNames: set.classNames };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const at = align4(4 + head.length);
  const out = new Uint8Array(at + set.pixels.byteLength + set.labels.byteLength);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  out.set(bytesOf(set.pixels), at);
  out.set(bytesOf(set.labels), at + set.pixels.byteLength);
  return out;
}

export function imageSetFromBytes(data: Uint8Array, what: string): Result<ImageSet> {
  const unreadable = fail(
    `${what}: the imported images could not be read back; import them again.`,
  );
  // Typed-array views need 4-byte alignment: a view at an odd offset is copied first.
  const bytes = data.byteOffset % 4 === 0 ? data : data.slice();
  if (bytes.length < 4) return unreadable;
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  if (4 + headLength > bytes.length) return unreadable;
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headLength))) as Header;
  } catch {
    return unreadable;
  }
  const [h, w, c] = Array.isArray(header?.shape) ? header.shape : [];
  const n = header?.count;
  if (!Number.isInteger(n) || !Array.isArray(header.classNames)) return unreadable;
  const values = n * (h ?? 0) * (w ?? 0) * (c ?? 0);
  const at = align4(4 + headLength);
  if (!Number.isInteger(values) || bytes.length !== at + (values + n) * 4) return unreadable;
  const pixels = new Float32Array(bytes.buffer, bytes.byteOffset + at, values);
  const labels = new Int32Array(bytes.buffer, bytes.byteOffset + at + values * 4, n);
  return checkImageSet(
    { pixels, labels, shape: [h ?? 0, w ?? 0, c ?? 0], classNames: header.classNames.map(String) },
    what,
  );
}
