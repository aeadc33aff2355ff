import { describe, expect, it } from 'vitest';
import { gunzip, isGzip } from './gzip';
import {
  checkImageSet,
  classCounts,
  gatherImages,
  imageAt,
  imageTable,
  type ImageSet,
} from './images';
import { prepareDataset } from './prepare';
import { readMnistPair, readUciDigits } from './shipped-images';
import { unwrap } from './test-helpers';
import { defaultPrepareConfig } from './config';

/** Four 1×2 grayscale images: sample i has pixels [i/10, i/10 + 0.5]. */
const tiny = (): ImageSet => ({
  pixels: Float32Array.from([0, 0.5, 0.1, 0.6, 0.2, 0.7, 0.3, 0.8]),
  shape: [1, 2, 1],
  labels: Int32Array.from([0, 1, 1, 0]),
  classNames: ['cat', 'dog'],
});

describe('image sets', () => {
  it('counts per class and gives one image without copying', () => {
    const set = tiny();
    expect(classCounts(set)).toEqual([2, 2]);
    expect(Array.from(imageAt(set, 2))).toEqual([Math.fround(0.2), Math.fround(0.7)]);
    expect(Array.from(gatherImages(set, [3, 0]))).toEqual(
      [0.3, 0.8, 0, 0.5].map((v) => Math.fround(v)),
    );
  });

  it('checks sizes, channels and labels, naming the data', () => {
    const set = tiny();
    expect(checkImageSet({ ...set, pixels: set.pixels.subarray(1) }, "'x'")).toEqual({
      ok: false,
      reason: "'x': 4 labels but 7 pixel values (expected 8).",
    });
    expect(checkImageSet({ ...set, shape: [1, 1, 2] }, "'x'").ok).toBe(false);
    expect(checkImageSet({ ...set, labels: Int32Array.from([0, 1, 2, 0]) }, "'x'")).toEqual({
      ok: false,
      reason: "'x': image 3 has label 2, outside the 2 classes.",
    });
  });

  it('becomes a table that prepares to [N, h, w, c] with the classes as labels', () => {
    const table = imageTable(tiny());
    expect(table.columns.map((c) => c.name)).toEqual(['label']);
    const p = unwrap(
      prepareDataset(table, {
        ...defaultPrepareConfig,
        validationSplit: 0.25,
        splitMode: 'chronological',
      }),
    );
    expect([p.xShape, p.classNames, p.task, p.trainCount]).toEqual([
      [4, 1, 2, 1],
      ['cat', 'dog'],
      'binary',
      3,
    ]);
    // Pixels go in unscaled even when z-scores are asked for: images are already 0–1.
    expect(Array.from(p.x.subarray(0, 2))).toEqual([0, 0.5]);
    expect(p.normalisation.kind).toBe('none');
  });
});

describe('gzip', () => {
  it('inflates gzip and passes plain bytes through', async () => {
    const plain = new TextEncoder().encode('hello, digits');
    const zipped = new Uint8Array(
      await new Response(
        new Blob([plain]).stream().pipeThrough(new CompressionStream('gzip')),
      ).arrayBuffer(),
    );
    expect(isGzip(zipped)).toBe(true);
    expect(new TextDecoder().decode(await gunzip(zipped))).toBe('hello, digits');
    expect(await gunzip(plain)).toBe(plain);
  });
});

describe('shipped image readers', () => {
  const join = (a: Uint8Array, b: Uint8Array) => Uint8Array.from([...a, ...b]);
  const header = (dims: number[]) => {
    const out = new Uint8Array(4 + 4 * dims.length);
    out[2] = 8;
    out[3] = dims.length;
    dims.forEach((d, i) => new DataView(out.buffer).setInt32(4 + 4 * i, d));
    return out;
  };

  it('reads an MNIST-style pair: bytes 0–255 become 0–1', () => {
    const images = new Uint8Array([...header([2, 1, 2]), 0, 255, 51, 102]);
    const labels = new Uint8Array([...header([2]), 7, 3]);
    const set = unwrap(readMnistPair(join(images, labels), 'i', 'l'));
    expect(set.shape).toEqual([1, 2, 1]);
    expect(Array.from(set.pixels)).toEqual([0, 1, 0.2, 0.4].map((v) => Math.fround(v)));
    expect(Array.from(set.labels)).toEqual([7, 3]);
  });

  it('refuses labels that do not match the images, naming both files', () => {
    const images = new Uint8Array([...header([2, 1, 1]), 0, 255]);
    const labels = new Uint8Array([...header([3]), 1, 2, 3]);
    expect(readMnistPair(join(images, labels), 'i.idx', 'l.idx')).toEqual({
      ok: false,
      reason: "'l.idx' holds 3 labels but 'i.idx' holds 2 images.",
    });
    const label10 = new Uint8Array([...header([2]), 1, 10]);
    expect(readMnistPair(join(images, label10), 'i', 'l.idx')).toEqual({
      ok: false,
      reason: "'l.idx': image 2 has label 10, outside the 10 classes.",
    });
  });

  it('reads UCI digit rows and names a bad row and value', () => {
    const row = (label: number, v = 16) => [...Array(63).fill(0), v, label].join(',');
    const set = unwrap(readUciDigits(`${row(4)}\n${row(9, 8)}\n`, 'd.csv'));
    expect([set.shape, Array.from(set.labels), set.pixels[63], set.pixels[127]]).toEqual([
      [8, 8, 1],
      [4, 9],
      1,
      0.5,
    ]);
    expect(readUciDigits(`${row(4)}\n1,2,3\n`, 'd.csv')).toEqual({
      ok: false,
      reason: "'d.csv' row 2 has 3 values; each needs 65 (64 pixels and the digit).",
    });
    expect(readUciDigits(row(4, 17), 'd.csv')).toEqual({
      ok: false,
      reason: "'d.csv' row 1, value 64 is '17'; expected a whole number 0–16.",
    });
  });
});
