import { z } from 'zod';
import { imageFolderOptionsSchema } from './image-folder/options';
import type { Result } from './result';

/**
 * The shareable dataset configuration. It travels in the URL, so every number has a range and
 * every field a default: a link with fields missing (older or hand-edited) still opens.
 * The raw CSV never goes in here, only its file name and how to read it.
 */
export const BUILTIN_IDS = [
  'circle',
  'xor',
  'gaussian',
  'spiral',
  'plane',
  'gaussian-regression',
  'sine',
  'sum-of-sines',
  'sawtooth',
  'square',
  'waveforms',
  'pixel-digits',
] as const;
export type BuiltinId = (typeof BUILTIN_IDS)[number];

/** New ids are appended: links name a set by id, so old ones must keep meaning the same data. */
export const SHIPPED_IDS = [
  'iris',
  'us-births',
  'mnist',
  'uci-digits',
  'breast-cancer',
  'wine',
] as const;
export type ShippedId = (typeof SHIPPED_IDS)[number];

export const COLUMN_ROLES = ['feature', 'label', 'time', 'ignore'] as const;
export const MISSING_POLICIES = ['refuse', 'drop', 'carry-forward'] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];
export const NORMALISATIONS = ['none', 'zscore', 'minmax'] as const;

/** Every seed in the app (data, split, weights, dropout, shuffle): one range, declared once. */
export const MAX_SEED = 2 ** 31 - 1;
export const seedSchema = z.int().min(0).max(MAX_SEED);
const MAX_NAMED_COLUMNS = 1000;
const columnName = z.string().max(200);
const seed = seedSchema;

/** Column name → role; columns not named keep the roles the data comes with (or inferred). */
const rolesSchema = z
  .record(columnName, z.enum(COLUMN_ROLES))
  .refine((r) => Object.keys(r).length <= MAX_NAMED_COLUMNS, {
    message: `at most ${MAX_NAMED_COLUMNS} columns can be given roles`,
  })
  .default({});

export const windowingSchema = z.object({
  enabled: z.boolean().default(false),
  /** Keras sequence_length: steps per window. */
  length: z.int().min(1).max(1000).default(24),
  /** Keras sequence_stride: steps between the starts of consecutive windows. */
  stride: z.int().min(1).max(1000).default(1),
  /** forecast: predict the target column h steps ahead; classify: the label at the window's last step. */
  mode: z.enum(['forecast', 'classify']).default('forecast'),
  horizon: z.int().min(1).max(1000).default(1),
  /** '' = the label column, or the first feature column when there is none. */
  targetColumn: columnName.default(''),
  /** [] = every column with the feature role (or the target alone when there is none). */
  featureColumns: z.array(columnName).max(256).default([]),
});
export type WindowingConfig = z.infer<typeof windowingSchema>;

export const prepareSchema = z.object({
  windowing: windowingSchema.prefault({}),
  task: z.enum(['auto', 'regression', 'binary', 'multiclass']).default('auto'),
  labelEncoding: z.enum(['one-hot', 'sparse']).default('one-hot'),
  normalisation: z.enum(NORMALISATIONS).default('zscore'),
  validationSplit: z.number().min(0).max(0.9).default(0.2),
  /** auto: chronological for series, windows and tables with a time column; random otherwise. */
  splitMode: z.enum(['auto', 'random', 'chronological']).default('auto'),
  seed: seed.default(42),
});
export type PrepareConfig = z.infer<typeof prepareSchema>;

export const builtinSchema = z.object({
  source: z.literal('builtin'),
  id: z.enum(BUILTIN_IDS).default('circle'),
  /** Points for 2-D sets, time steps for series, windows (segments) for waveforms, images for digits. */
  samples: z.int().min(10).max(20_000).default(500),
  /** Standard deviation of the added Gaussian noise, in units of the data's own scale. */
  noise: z.number().min(0).max(2).default(0.1),
  seed: seed.default(1),
  /** Series and waveforms: steps per cycle. */
  period: z.number().min(2).max(1000).default(25),
  /** Series: value added per step (a linear trend). */
  trend: z.number().min(-0.1).max(0.1).default(0),
  /** Waveforms: steps per segment showing one waveform. */
  segmentLength: z.int().min(4).max(512).default(32),
  prepare: prepareSchema.prefault({}),
});

const shippedSchema = z.object({
  source: z.literal('shipped'),
  id: z.enum(SHIPPED_IDS).default('iris'),
  /** Only the first this many rows or images (a quicker run on a slow backend); null = all. */
  limit: z.int().min(1).max(1_000_000).nullable().default(null),
  roles: rolesSchema,
  prepare: prepareSchema.prefault({}),
});

const csvSchema = z.object({
  source: z.literal('csv'),
  fileName: z.string().max(255).default('data.csv'),
  roles: rolesSchema,
  missing: z.enum(MISSING_POLICIES).default('refuse'),
  header: z.enum(['auto', 'yes', 'no']).default('auto'),
  prepare: prepareSchema.prefault({}),
});

/**
 * A folder of images read like Keras' image_dataset_from_directory. Like a CSV, only the
 * folder's (or zip's) name and the reading options travel; the images never leave the device.
 */
const imageFolderSchema = z.object({
  source: z.literal('image-folder'),
  name: z.string().max(255).default('images'),
  options: imageFolderOptionsSchema.prefault({}),
  prepare: prepareSchema.prefault({}),
});

const unionSchema = z.discriminatedUnion('source', [
  builtinSchema,
  shippedSchema,
  csvSchema,
  imageFolderSchema,
]);

/** A missing `source` means built-in, so `{}` (or a bare link) parses to the default data. */
export const datasetConfigSchema = z.preprocess(
  (v) =>
    v !== null && typeof v === 'object' && !('source' in v) ? { ...v, source: 'builtin' } : v,
  unionSchema,
);

export type DatasetConfig = z.infer<typeof unionSchema>;
export type BuiltinConfig = z.infer<typeof builtinSchema>;
export type ShippedConfig = z.infer<typeof shippedSchema>;
export type CsvConfig = z.infer<typeof csvSchema>;
export type ImageFolderConfig = z.infer<typeof imageFolderSchema>;
export type DatasetSource = DatasetConfig['source'];

export const defaultPrepareConfig: PrepareConfig = prepareSchema.parse({});
export const defaultDatasetConfig: DatasetConfig = builtinSchema.parse({ source: 'builtin' });

/** Never throws; `undefined` gives the default configuration. */
export function parseDatasetConfig(input: unknown): Result<DatasetConfig> {
  const r = datasetConfigSchema.safeParse(input === undefined ? {} : input);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const message = issue?.message ?? 'unreadable value';
  const reason =
    issue && issue.path.length > 0
      ? `The dataset setting '${issue.path.join('.')}' is invalid: ${message}.`
      : `The dataset settings are invalid: ${message}.`;
  return { ok: false, reason };
}
