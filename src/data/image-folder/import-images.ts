import { fail, formatCount, ok, plural, type Result } from '../result';
import type { ImageDecoder } from './decode';
import type { ImageFolderData, ImageSamples } from './dataset';
import { checkLimits, MAX_TOTAL_BYTES } from './limits';
import { indexFolder, type FolderListing, type IndexedFile } from './listing';
import { CHANNELS, type ImageFolderOptions } from './options';
import { drawSeed, splitFiles } from './split';
import { extractZip, listZip } from './zip';

/** A picked or dropped folder (files with their relative paths), or one zip file. */
export type ImageSource =
  | {
      kind: 'files';
      name: string;
      files: { path: string; blob: Blob }[];
      dirs: string[];
      /** Paths start with the chosen folder's name (see FolderListing.wrapped). */
      wrapped: boolean;
    }
  | { kind: 'zip'; name: string; blob: Blob };

export interface ImportProgress {
  phase: 'reading' | 'decoding';
  done: number;
  total: number;
}

export interface ImportDeps {
  decoder(options: ImageFolderOptions): ImageDecoder;
  onProgress(progress: ImportProgress): void;
  random?: () => number;
}

/** At most this many images are being decoded at once (the browser decodes in parallel). */
const IN_FLIGHT = 4;
const MB = 1024 * 1024;

interface Opened {
  listing: FolderListing;
  blobs(keys: ReadonlySet<string>): Result<Map<string, Blob>>;
}

async function open(source: ImageSource): Promise<Result<Opened>> {
  if (source.kind === 'files') {
    const byPath = new Map(source.files.map((f) => [f.path, f.blob]));
    const files = source.files.map((f) => ({ path: f.path, size: f.blob.size }));
    const { name, dirs, wrapped } = source;
    return ok({ listing: { name, files, dirs, wrapped }, blobs: () => ok(byPath) });
  }
  const { name, blob } = source;
  if (blob.size > MAX_TOTAL_BYTES) {
    return fail(
      `'${name}' is ${(blob.size / MB).toFixed(1)} MB; the limit is ${MAX_TOTAL_BYTES / MB} MB. Zip a smaller selection.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch {
    return fail(`'${name}' could not be read; choose it again.`);
  }
  const listing = listZip(name, bytes);
  if (!listing.ok) return listing;
  return ok({
    listing: listing.value,
    blobs: (keys) => {
      const entries = extractZip(name, bytes, keys);
      if (!entries.ok) return entries;
      return ok(
        new Map(
          Object.entries(entries.value).map(([k, v]) => [
            k,
            new Blob([v as Uint8Array<ArrayBuffer>]),
          ]),
        ),
      );
    },
  });
}

/** "28×28 (12), 32×32 (3)": the sizes met, most frequent first. */
function sizeList(sizes: Map<string, number>): string {
  const sorted = [...sizes].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, 4).map(([s, n]) => `${s} (${formatCount(n)})`);
  return shown.join(', ') + (sorted.length > 4 ? ', …' : '');
}

/**
 * `image_dataset_from_directory` in the browser: list, check, shuffle and split the files by
 * Keras' rules, then decode and resize each image. A file that will not decode is skipped and
 * named; everything else that is wrong stops the import with a sentence naming the file.
 */
export async function importImages(
  source: ImageSource,
  options: ImageFolderOptions,
  deps: ImportDeps,
): Promise<Result<ImageFolderData>> {
  deps.onProgress({ phase: 'reading', done: 0, total: 0 });
  const opened = await open(source);
  if (!opened.ok) return opened;
  const index = indexFolder(opened.value.listing);
  if (!index.ok) return index;
  const { classNames, files, bytes, notes, warnings } = index.value;
  const limits = checkLimits(files.length, bytes, options, `'${source.name}'`);
  if (!limits.ok) return limits;

  const seed = options.seed ?? drawSeed(deps.random);
  const split = splitFiles(files, options, seed);
  const subsets = [split.training, split.validation];
  const wanted = subsets.flatMap((s) => s ?? []);
  if (split.training?.length === 0 || split.validation?.length === 0) {
    const which = split.training?.length === 0 ? 'training' : 'validation';
    return fail(
      `validation_split ${options.validation_split} of ${plural(files.length, 'image')} leaves the ${which} subset empty. Change validation_split or add images.`,
    );
  }
  const blobs = opened.value.blobs(new Set(wanted.map((f) => f.key)));
  if (!blobs.ok) return blobs;

  const [h, w] = options.image_size;
  const per = h * w * CHANNELS[options.color_mode];
  const decode = deps.decoder(options);
  const broken: string[] = [];
  const sizes = new Map<string, number>();
  const total = wanted.length;
  let done = 0;
  const every = Math.max(1, Math.floor(total / 200));
  deps.onProgress({ phase: 'decoding', done, total });

  const decodeSubset = async (list: IndexedFile[] | null): Promise<ImageSamples | null> => {
    if (!list) return null;
    const pixels = new Float32Array(list.length * per);
    const ok = new Uint8Array(list.length);
    let next = 0;
    const lane = async () => {
      while (next < list.length) {
        const i = next++;
        const file = list[i]!;
        const blob = blobs.value.get(file.key);
        const got = blob
          ? await decode(blob, pixels, i * per)
          : fail<never>('is missing from the source');
        if (got.ok) {
          ok[i] = 1;
          const key = `${got.value.width}×${got.value.height}`;
          sizes.set(key, (sizes.get(key) ?? 0) + 1);
        } else broken.push(file.path);
        done++;
        if (done % every === 0 || done === total)
          deps.onProgress({ phase: 'decoding', done, total });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    return compact(list, pixels, ok, per);
  };

  const training = await decodeSubset(split.training);
  const validation = await decodeSubset(split.validation);
  const decoded = (training?.labels.length ?? 0) + (validation?.labels.length ?? 0);
  if (decoded === 0) {
    return fail(
      `None of the ${plural(total, 'image')} in '${source.name}' could be decoded (for example '${broken[0]}'). Check that they are real PNG, JPEG, GIF or BMP files.`,
    );
  }
  broken.sort();
  const named = broken.length > 0 ? ` ('${broken[0]}' and others did not decode)` : '';
  if (training?.labels.length === 0 || validation?.labels.length === 0) {
    return fail(
      `No image of the ${training?.labels.length === 0 ? 'training' : 'validation'} subset could be decoded${named}.`,
    );
  }
  const present = new Set([...(training?.labels ?? []), ...(validation?.labels ?? [])]);
  if (present.size < 2) {
    return fail(
      `Only class '${classNames[[...present][0]!]}' has images that decode${named}: a classifier needs at least two.`,
    );
  }
  if (broken.length > 0) {
    warnings.push(
      `Skipped ${plural(broken.length, 'file')} that could not be decoded as an image: ${broken
        .slice(0, 5)
        .map((p) => `'${p}'`)
        .join(', ')}${broken.length > 5 ? ` and ${formatCount(broken.length - 5)} more` : ''}.`,
    );
  }
  const target = `${w}×${h}`;
  if (sizes.size > 1) {
    notes.push(
      `The images come in ${sizes.size} sizes (width×height: ${sizeList(sizes)}); all were resized to image_size (${h}, ${w}), bilinear, without keeping the aspect ratio.`,
    );
  } else if (!sizes.has(target)) {
    notes.push(
      `The images are ${[...sizes.keys()][0]} (width×height); they were resized to image_size (${h}, ${w}), bilinear.`,
    );
  }
  return ok({
    name: source.name,
    classNames,
    imageSize: [h, w],
    colorMode: options.color_mode,
    channels: CHANNELS[options.color_mode],
    seed,
    training,
    validation,
    notes,
    warnings,
  });
}

/** Drops the samples that did not decode, keeping the others' order. */
function compact(
  list: IndexedFile[],
  pixels: Float32Array,
  kept: Uint8Array,
  per: number,
): ImageSamples {
  const n = kept.reduce((s, k) => s + k, 0);
  const out = n === list.length ? pixels : new Float32Array(n * per);
  const labels = new Int32Array(n);
  const paths: string[] = [];
  let j = 0;
  list.forEach((file, i) => {
    if (!kept[i]) return;
    if (out !== pixels) out.set(pixels.subarray(i * per, (i + 1) * per), j * per);
    labels[j] = file.label;
    paths.push(file.path);
    j++;
  });
  return { pixels: out, labels, paths };
}
