import { z } from 'zod';
import type { Result } from '../result';
import type { ImageFolderData } from './dataset';
import type { ImageSource, ImportProgress } from './import-images';
import { COLOR_MODES, type ImageFolderOptions } from './options';

/** Page → image worker: one import at a time; the page terminates the worker to cancel. */
export interface ImageImportRequest {
  type: 'import';
  id: number;
  source: ImageSource;
  options: ImageFolderOptions;
}

/** Image worker → page. */
export type ImageImportEvent =
  | ({ type: 'progress'; id: number } & ImportProgress)
  | { type: 'done'; id: number; result: Result<ImageFolderData> };

const samples = z
  .object({
    pixels: z.instanceof(Float32Array),
    labels: z.instanceof(Int32Array),
    paths: z.array(z.string()),
  })
  .nullable();

const data = z.object({
  name: z.string(),
  classNames: z.array(z.string()),
  imageSize: z.tuple([z.int().positive(), z.int().positive()]),
  colorMode: z.enum(COLOR_MODES),
  channels: z.union([z.literal(1), z.literal(3)]),
  seed: z.int().nonnegative(),
  training: samples,
  validation: samples,
  notes: z.array(z.string()),
  warnings: z.array(z.string()),
});

const event = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    id: z.int(),
    phase: z.enum(['reading', 'decoding']),
    done: z.int().nonnegative(),
    total: z.int().nonnegative(),
  }),
  z.object({
    type: z.literal('done'),
    id: z.int(),
    result: z.union([
      z.object({ ok: z.literal(true), value: data }),
      z.object({ ok: z.literal(false), reason: z.string() }),
    ]),
  }),
]);

/** A worker message checked before the page believes it; null when it is not one of ours. */
export function parseImageImportEvent(raw: unknown): ImageImportEvent | null {
  const parsed = event.safeParse(raw);
  return parsed.success ? (parsed.data as ImageImportEvent) : null;
}

/** The buffers a finished import hands over instead of copying. */
export function transferablesOf(e: ImageImportEvent): ArrayBuffer[] {
  if (e.type !== 'done' || !e.result.ok) return [];
  const { training, validation } = e.result.value;
  return [training, validation].flatMap((s) =>
    s ? [s.pixels.buffer as ArrayBuffer, s.labels.buffer as ArrayBuffer] : [],
  );
}

export type { ImageFolderOptions };
