import { deflateSync, inflateSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../result';
import type { ImageDecoder } from './decode';
import { importImages, type ImageSource, type ImportProgress } from './import-images';
import { CHANNELS, defaultImageFolderOptions, type ImageFolderOptions } from './options';

/**
 * The import end to end in Node: real PNG bytes, encoded and decoded here with zlib (8-bit RGB,
 * filter 0, nearest-neighbour resize: enough for solid colours). The browser's own decoder and
 * bilinear resize are checked in Chromium by e2e/image-folder.spec.ts.
 */
type Rgb = [number, number, number];

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Uint8Array) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const chunk = (type: string, data: Uint8Array) => {
  const body = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat([...data]));
  return [...u32(data.length), ...body, ...u32(crc32(body))];
};
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function png(w: number, h: number, rgb: Rgb): Uint8Array {
  const row = [0, ...Array.from({ length: w }, () => rgb).flat()];
  const raw = new Uint8Array(Array.from({ length: h }, () => row).flat());
  const ihdr = new Uint8Array([...u32(w), ...u32(h), 8, 2, 0, 0, 0]);
  return new Uint8Array([
    ...SIGNATURE,
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', deflateSync(raw)),
    ...chunk('IEND', new Uint8Array()),
  ]);
}

function nodeDecoder(options: ImageFolderOptions): ImageDecoder {
  const [th, tw] = options.image_size;
  const c = CHANNELS[options.color_mode];
  return async (blob, out, offset) => {
    const b = new Uint8Array(await blob.arrayBuffer());
    if (b.length < 33 || SIGNATURE.some((x, i) => b[i] !== x)) return fail('not a PNG');
    const view = new DataView(b.buffer, b.byteOffset);
    const [w, h] = [view.getUint32(16), view.getUint32(20)];
    const raw = inflateSync(b.subarray(41, 41 + view.getUint32(33)));
    for (let y = 0; y < th; y++) {
      for (let x = 0; x < tw; x++) {
        const sy = Math.floor((y * h) / th);
        const sx = Math.floor((x * w) / tw);
        const p = sy * (1 + 3 * w) + 1 + 3 * sx;
        const o = offset + (y * tw + x) * c;
        for (let k = 0; k < c; k++) out[o + k] = raw[p + Math.min(k, 2)]! / 255;
      }
    }
    return ok({ width: w, height: h });
  };
}

const RED: Rgb = [255, 0, 0];
const BLUE: Rgb = [0, 0, 255];

function folder(files: Record<string, Uint8Array | string>): ImageSource {
  return {
    kind: 'files',
    name: 'pets',
    files: Object.entries(files).map(([path, bytes]) => ({
      path: `pets/${path}`,
      blob: new Blob([bytes as BlobPart]),
    })),
    dirs: [],
    wrapped: true,
  };
}

async function run(source: ImageSource, patch: Partial<ImageFolderOptions> = {}) {
  const progress: ImportProgress[] = [];
  const options = {
    ...defaultImageFolderOptions,
    image_size: [2, 2] as [number, number],
    ...patch,
  };
  const result = await importImages(source, options, {
    decoder: nodeDecoder,
    onProgress: (p) => progress.push(p),
    random: () => 0.5,
  });
  return { result, progress };
}

describe('importImages', () => {
  const pets = () =>
    folder({
      ...Object.fromEntries([...Array(6).keys()].map((i) => [`red/${i}.png`, png(4, 4, RED)])),
      ...Object.fromEntries([...Array(4).keys()].map((i) => [`blue/${i}.png`, png(3, 5, BLUE)])),
      'red/broken.png': 'no png here',
    });

  it('decodes, labels and splits the images, skipping and naming a broken one', async () => {
    const { result, progress } = await run(pets(), { seed: 3 });
    if (!result.ok) throw new Error(result.reason);
    const data = result.value;
    expect(data.classNames).toEqual(['blue', 'red']);
    expect(data.seed).toBe(3);
    // 11 files: int(0.2 × 11) = 2 for validation, chosen before decoding.
    const t = data.training!;
    const v = data.validation!;
    expect(t.labels.length + v.labels.length).toBe(10);
    expect([...t.paths, ...v.paths]).not.toContain('red/broken.png');
    expect(t.pixels).toHaveLength(t.labels.length * 2 * 2 * 3);
    t.labels.forEach((label, i) => {
      const first = [...t.pixels.subarray(i * 12, i * 12 + 3)];
      expect(first).toEqual(label === 0 ? [0, 0, 1] : [1, 0, 0]);
      expect(t.paths[i]!.startsWith(data.classNames[label]!)).toBe(true);
    });
    expect(data.warnings).toEqual([
      "Skipped 1 file that could not be decoded as an image: 'red/broken.png'.",
    ]);
    expect(data.notes).toEqual([
      'The images come in 2 sizes (width×height: 4×4 (6), 3×5 (4)); all were resized to image_size (2, 2), bilinear, without keeping the aspect ratio.',
    ]);
    expect(progress[0]).toEqual({ phase: 'reading', done: 0, total: 0 });
    expect(progress.at(-1)).toEqual({ phase: 'decoding', done: 11, total: 11 });
  });

  it('gives the same split for the same seed, and draws one as Keras does without', async () => {
    const a = await run(pets(), { seed: 9 });
    const b = await run(pets(), { seed: 9 });
    if (!a.result.ok || !b.result.ok) throw new Error('import failed');
    expect(b.result.value.validation!.paths).toEqual(a.result.value.validation!.paths);
    const drawn = await run(pets(), { seed: null });
    expect(drawn.result.ok && drawn.result.value.seed).toBe(500000);
  });

  it('keeps every image for training without a split, in grayscale', async () => {
    const { result } = await run(pets(), {
      validation_split: 0,
      color_mode: 'grayscale',
      shuffle: false,
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.validation).toBeNull();
    expect(result.value.channels).toBe(1);
    expect(result.value.training!.paths.slice(0, 2)).toEqual(['blue/0.png', 'blue/1.png']);
  });

  it('notes one common size that differs from image_size', async () => {
    const { result } = await run(
      folder({ 'a/1.png': png(4, 4, RED), 'b/1.png': png(4, 4, BLUE) }),
      { validation_split: 0 },
    );
    expect(result.ok && result.value.notes).toEqual([
      'The images are 4×4 (width×height); they were resized to image_size (2, 2), bilinear.',
    ]);
  });

  it('fails, naming the file, when the only image of a class does not decode', async () => {
    const { result } = await run(
      folder({ 'a/1.png': png(2, 2, RED), 'a/2.png': png(2, 2, RED), 'b/bad.png': 'xx' }),
      { validation_split: 0 },
    );
    expect(result.ok ? '' : result.reason).toBe(
      "Only class 'a' has images that decode ('b/bad.png' and others did not decode): a classifier needs at least two.",
    );
  });

  it('fails when a subset would be empty', async () => {
    const { result } = await run(folder({ 'a/1.png': png(2, 2, RED), 'b/1.png': png(2, 2, BLUE) }));
    expect(result.ok ? '' : result.reason).toBe(
      'validation_split 0.2 of 2 images leaves the validation subset empty. Change validation_split or add images.',
    );
  });

  it('reads a zip, and names one that is not a zip', async () => {
    const bytes = zipSync({ a: { '1.png': png(2, 2, RED) }, b: { '1.png': png(2, 2, BLUE) } });
    const zip: ImageSource = { kind: 'zip', name: 'ab.zip', blob: new Blob([bytes as BlobPart]) };
    const { result } = await run(zip, { validation_split: 0 });
    // Seed 500 000 (drawn): NumPy's RandomState(500000).shuffle([0, 1]) leaves [0, 1].
    expect(result.ok && result.value.training!.labels).toEqual(new Int32Array([0, 1]));
    expect(result.ok && result.value.training!.paths).toEqual(['a/1.png', 'b/1.png']);
    const broken: ImageSource = { kind: 'zip', name: 'x.zip', blob: new Blob(['nope']) };
    const bad = await run(broken);
    expect(bad.result.ok ? '' : bad.result.reason).toContain("'x.zip' could not be read as a zip");
  });

  it('refuses more pixels than fit before decoding anything', async () => {
    const many = Object.fromEntries(
      [...Array(400).keys()].map((i) => [`${i % 2 ? 'a' : 'b'}/${i}.png`, png(1, 1, RED)]),
    );
    const { result, progress } = await run(folder(many), {
      image_size: [256, 256],
      color_mode: 'rgb',
    });
    expect(result.ok ? '' : result.reason).toContain(
      '400 images at 256×256 rgb would need more memory',
    );
    expect(progress.some((p) => p.phase === 'decoding')).toBe(false);
  });
});
