import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gunzip } from './gzip';
import { readIdx } from './idx';
import { unwrap } from './test-helpers';

/** Hand-made IDX: the header (type, rank, big-endian sizes), then the bytes given. */
function idx(type: number, dims: number[], body: number[]): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + body.length);
  const view = new DataView(out.buffer);
  out[2] = type;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setInt32(4 + 4 * i, d, false));
  out.set(body, 4 + 4 * dims.length);
  return out;
}

const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? '' : r.reason);

describe('readIdx', () => {
  it('reads dims and bytes of a small 2×2×3 image file', () => {
    const body = [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255];
    const a = unwrap(readIdx(idx(0x08, [2, 2, 3], body), 'tiny'));
    expect(a.dims).toEqual([2, 2, 3]);
    expect(Array.from(a.data)).toEqual(body);
    expect(a.byteLength).toBe(16 + 12);
  });

  it('reads a second array packed after the first', () => {
    const images = idx(0x08, [2, 1, 1], [7, 9]);
    const labels = idx(0x08, [2], [3, 4]);
    const both = new Uint8Array([...images, ...labels]);
    const first = unwrap(readIdx(both, 'images'));
    const second = unwrap(readIdx(both, 'labels', first.byteLength));
    expect([second.dims, Array.from(second.data)]).toEqual([[2], [3, 4]]);
  });

  it('names the file and what is wrong for broken input', () => {
    expect(reason(readIdx(new Uint8Array([0, 0]), 'a.idx'))).toBe(
      "'a.idx' is not an IDX file: it has only 2 bytes.",
    );
    const html = new TextEncoder().encode('<!doctype html>');
    expect(reason(readIdx(html, 'b.idx'))).toBe(
      "'b.idx' is not an IDX file: it does not start with two zero bytes.",
    );
    expect(reason(readIdx(idx(0x0d, [1], [0, 0, 0, 0]), 'c.idx'))).toBe(
      "'c.idx' holds float32 values; only unsigned-byte IDX files can be read.",
    );
    expect(reason(readIdx(idx(0x08, [], []), 'd.idx'))).toBe(
      "'d.idx' claims 0 dimensions; an IDX file here has 1 to 4.",
    );
    expect(reason(readIdx(idx(0x08, [3, 2], []).subarray(0, 9), 'e.idx'))).toBe(
      "'e.idx' is cut short inside its header (9 of 12 bytes).",
    );
    expect(reason(readIdx(idx(0x08, [3, 2], [1, 2, 3]), 'f.idx'))).toBe(
      "'f.idx' is truncated: its header announces 3×2 values (6 bytes) but only 3 follow.",
    );
    expect(reason(readIdx(idx(0x08, [0], []), 'g.idx'))).toBe(
      "'g.idx' has an impossible size 0 in dimension 1.",
    );
  });

  it('reads the shipped MNIST files: magic 2051 / 2049, 10 000 28×28 images and labels 0–9', async () => {
    const read = async (file: string) =>
      gunzip(
        new Uint8Array(
          readFileSync(fileURLToPath(new URL(`../../public/data/${file}`, import.meta.url))),
        ),
      );
    const imagesBytes = await read('mnist-10k-images-idx3-ubyte.gz');
    const labelsBytes = await read('mnist-10k-labels-idx1-ubyte.gz');
    const magic = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset).getInt32(0, false);
    expect([magic(imagesBytes), magic(labelsBytes)]).toEqual([2051, 2049]);
    const images = unwrap(readIdx(imagesBytes, 'images'));
    const labels = unwrap(readIdx(labelsBytes, 'labels'));
    expect(images.dims).toEqual([10_000, 28, 28]);
    expect(images.byteLength).toBe(imagesBytes.length);
    expect(labels.dims).toEqual([10_000]);
    expect(Math.max(...labels.data)).toBe(9);
    expect(Math.min(...labels.data)).toBe(0);
  });
});
