import { fail, formatCount, ok, type Result } from './result';

/**
 * MNIST's IDX format: a big-endian header (two zero bytes, a type code, the number of
 * dimensions), one big-endian int32 per dimension, then the values row-major. Only unsigned
 * bytes (type 0x08) are read: every MNIST file holds them, and the app needs nothing else.
 */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
  /** Bytes this array took, header included: where a second array packed after it starts. */
  byteLength: number;
}

const UBYTE = 0x08;
const TYPE_NAMES: Record<number, string> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'int16',
  0x0c: 'int32',
  0x0d: 'float32',
  0x0e: 'float64',
};
/** Far beyond any real IDX file; stops a corrupt header from asking for absurd sizes. */
const MAX_DIMS = 4;

/** Reads one IDX array starting at `offset`; `name` goes into every message. */
export function readIdx(bytes: Uint8Array, name: string, offset = 0): Result<IdxArray> {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, bytes.length - offset);
  if (view.byteLength < 4) {
    return fail(`'${name}' is not an IDX file: it has only ${view.byteLength} bytes.`);
  }
  if (view.getUint8(0) !== 0 || view.getUint8(1) !== 0) {
    return fail(`'${name}' is not an IDX file: it does not start with two zero bytes.`);
  }
  const type = view.getUint8(2);
  const rank = view.getUint8(3);
  if (type !== UBYTE) {
    const what = TYPE_NAMES[type] ?? `unknown type 0x${type.toString(16)}`;
    return fail(`'${name}' holds ${what} values; only unsigned-byte IDX files can be read.`);
  }
  if (rank < 1 || rank > MAX_DIMS) {
    return fail(`'${name}' claims ${rank} dimensions; an IDX file here has 1 to ${MAX_DIMS}.`);
  }
  const header = 4 + 4 * rank;
  if (view.byteLength < header) {
    return fail(
      `'${name}' is cut short inside its header (${view.byteLength} of ${header} bytes).`,
    );
  }
  const dims: number[] = [];
  for (let d = 0; d < rank; d++) {
    const size = view.getInt32(4 + 4 * d, false);
    if (size < 1) return fail(`'${name}' has an impossible size ${size} in dimension ${d + 1}.`);
    dims.push(size);
  }
  const count = dims.reduce((a, b) => a * b, 1);
  const have = view.byteLength - header;
  if (have < count) {
    return fail(
      `'${name}' is truncated: its header announces ${dims.join('×')} values (${formatCount(count)} bytes) but only ${formatCount(have)} follow.`,
    );
  }
  const start = bytes.byteOffset + offset + header;
  const data = new Uint8Array(bytes.buffer, start, count);
  return ok({ dims, data, byteLength: header + count });
}

/** The magic number MNIST documents: 0x00000803 for images, 0x00000801 for labels. */
export const idxMagic = (type: number, rank: number): number => (type << 8) | rank;
