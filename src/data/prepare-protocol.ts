import { z } from 'zod';
import { COLUMN_ROLES, NORMALISATIONS } from './config';
import type { PrepareReply } from './preparer';
import type { Result } from './result';

/**
 * Checks what the data worker sends back before the page uses it: sizes must match shapes, so
 * a broken message can never make a chart or the trainer read past an array.
 */
const typed = <T>(ctor: abstract new (...args: never[]) => T, name: string) =>
  z.custom<T>((v) => v instanceof ctor, { message: `must be a ${name}` });
const f32 = typed(Float32Array, 'Float32Array');
const f64 = typed(Float64Array, 'Float64Array');
const i32 = typed(Int32Array, 'Int32Array');
const count = z.int().min(0);
const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const result = <T extends z.ZodType>(value: T) =>
  z.union([
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), reason: z.string() }),
  ]);

const columnSchema = z.discriminatedUnion('kind', [
  z.object({ name: z.string(), kind: z.literal('numeric'), values: f64 }),
  z.object({
    name: z.string(),
    kind: z.literal('categorical'),
    codes: i32,
    categories: z.array(z.string()),
  }),
]);

const imagesSchema = z
  .object({
    pixels: f32,
    shape: z.tuple([z.int().min(1), z.int().min(1), z.int().min(1)]),
    labels: i32,
    classNames: z.array(z.string()),
  })
  .refine((s) => s.pixels.length === s.labels.length * product(s.shape), {
    message: 'the images do not match their shape',
  });

const tableSchema = z
  .object({
    columns: z.array(columnSchema),
    rowCount: count,
    roles: z.record(z.string(), z.enum(COLUMN_ROLES)),
    kind: z.enum(['table', 'series']),
    sampleShape: z.array(z.int().min(1)).optional(),
    images: imagesSchema.optional(),
  })
  .refine(
    (t) =>
      t.columns.every((c) => (c.kind === 'numeric' ? c.values : c.codes).length === t.rowCount),
    { message: 'a column has a different number of rows than the table' },
  )
  .refine((t) => !t.images || t.images.labels.length === t.rowCount, {
    message: 'the images and the table disagree on the number of samples',
  });

const loadedSchema = z.object({
  table: tableSchema,
  hasHeader: z.boolean().nullable(),
  warnings: z.array(z.string()),
  key: z.string(),
});

const preparedSchema = z
  .object({
    x: f32,
    xShape: z.array(count).min(2),
    y: f32,
    yShape: z.array(count).length(2),
    task: z.enum(['regression', 'binary', 'multiclass']),
    numClasses: z.int().min(1),
    classNames: z.array(z.string()),
    trainCount: count,
    splitMode: z.enum(['random', 'chronological']),
    featureNames: z.array(z.string()),
    targetName: z.string(),
    normalisation: z.object({
      kind: z.enum(NORMALISATIONS),
      offset: z.array(z.number()),
      scale: z.array(z.number()),
    }),
    targetNormalisation: z.object({ offset: z.number(), scale: z.number() }),
    suggestedOutput: z.object({
      units: z.int().min(1),
      activation: z.enum(['linear', 'sigmoid', 'softmax']),
      loss: z.enum([
        'mse',
        'binary_crossentropy',
        'categorical_crossentropy',
        'sparse_categorical_crossentropy',
      ]),
    }),
    sourceRows: i32,
    description: z.string(),
    warnings: z.array(z.string()),
  })
  .refine((p) => p.x.length === product(p.xShape) && p.y.length === product(p.yShape), {
    message: 'the arrays do not match their shapes',
  })
  .refine((p) => p.yShape[0] === p.xShape[0] && p.sourceRows.length === p.xShape[0], {
    message: 'x, y and the sample rows disagree on the number of samples',
  });

const replySchema = z.object({
  id: z.int(),
  loaded: z.union([z.literal('same'), result(loadedSchema)]),
  prepared: result(preparedSchema).nullable(),
});

export function parsePrepareReply(data: unknown): Result<PrepareReply> {
  const r = replySchema.safeParse(data);
  if (r.success) return { ok: true, value: r.data as PrepareReply };
  return {
    ok: false,
    reason: `The data worker sent something unreadable (${r.error.issues[0]?.message ?? 'unknown'}); try again.`,
  };
}
