import { z } from 'zod';
import { defaultDatasetConfig, type DatasetConfig } from '../../data/config';
import { counterIds, type ModelSpec } from '../model-spec';
import { templateSpec } from '../templates';

/**
 * The whole experiment as one shareable record: what a link, a saved file or an export carries.
 * Every field has a range and a default, because links outlive the code that made them.
 */

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad', 'adamax'] as const;
export type OptimizerId = (typeof OPTIMIZERS)[number];

/** The momentum of the 'momentum' optimizer: not a setting, so trainer and export agree on it. */
export const MOMENTUM = 0.9;

// Optimizer, loss, metric and backend names mirror src/training (settings.ts, backend-names.ts);
// core cannot import training, so experiment.test.ts checks that the two lists agree.
export const LOSSES = [
  'mse',
  'mae',
  'huber',
  'binary_crossentropy',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
] as const;
export type LossId = (typeof LOSSES)[number];

export const METRICS = ['accuracy', 'mae'] as const;
export type MetricId = (typeof METRICS)[number];

/** 'auto' tries webgpu → webgl → cpu; 'fastest' ("Auto (fastest)") also measures wasm. */
export const BACKEND_PREFERENCES = ['auto', 'fastest', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

export const PANELS = ['builder', 'graph', 'dataset', 'training', 'charts'] as const;
export type PanelId = (typeof PANELS)[number];

export const MAX_SEED = 2 ** 31 - 1;

/** One field of a flat section: its schema, default and the sentence describing what is allowed. */
export interface FieldRule<T> {
  schema: z.ZodType<T>;
  default: T;
  /** "must be an integer between 1 and 4096" */
  expects: string;
}

const list = (options: readonly string[]) => options.map((o) => `'${o}'`).join(', ');
const oneOf = <const O extends readonly [string, ...string[]]>(options: O, def: O[number]) => ({
  schema: z.enum(options) as unknown as z.ZodType<O[number]>,
  default: def,
  expects: `must be one of ${list(options)}`,
});
const intIn = (min: number, max: number, def: number) => ({
  schema: z.int().min(min).max(max),
  default: def,
  expects: `must be an integer between ${min} and ${max}`,
});
const numberIn = (min: number, max: number, def: number) => ({
  schema: z.number().min(min).max(max),
  default: def,
  expects: `must be a number between ${min} and ${max}`,
});

/** Metrics come back deduplicated and in METRICS order, so equal sets encode the same. */
const metricsRule: FieldRule<MetricId[]> = {
  schema: z
    .array(z.enum(METRICS))
    .max(METRICS.length * 4)
    .transform((ms) => METRICS.filter((m) => ms.includes(m))),
  default: ['accuracy'],
  expects: `must be a list drawn from ${list(METRICS)}`,
};

// Validation split and split seed belong to the dataset (data.prepare): the split also decides
// normalisation statistics and chronological order, so it is not repeated here.
export const TRAINING_RULES = {
  optimizer: oneOf(OPTIMIZERS, 'adam'),
  learningRate: numberIn(1e-6, 10, 0.01),
  batchSize: intIn(1, 4096, 32),
  epochs: intIn(1, 10_000, 20),
  /** 'auto': the loss the data suggests, resolved when training starts. */
  loss: oneOf(['auto', ...LOSSES], 'auto'),
  metrics: metricsRule,
  /** Rescales gradients whose global norm exceeds this; null: no clipping. */
  clipNorm: {
    schema: z.number().gt(0).max(1000).nullable(),
    default: null,
    expects: 'must be a number above 0 and at most 1000, or null for no clipping',
  } as FieldRule<number | null>,
  /** Seeds weight initialisation, dropout and batch shuffling. */
  seed: intIn(0, MAX_SEED, 1),
  backend: oneOf(BACKEND_PREFERENCES, 'auto'),
};

export const VIEW_RULES = {
  panel: oneOf(PANELS, 'builder'),
  graphDirection: oneOf(['TB', 'LR'], 'TB'),
  /** TensorBoard-style exponential moving average of chart series; 0 shows raw values. */
  smoothing: numberIn(0, 0.99, 0),
  logScale: { schema: z.boolean(), default: false, expects: 'must be true or false' },
};

type ValuesOf<R extends Record<string, FieldRule<unknown>>> = {
  [K in keyof R]: R[K] extends FieldRule<infer T> ? T : never;
};

export type TrainingConfig = ValuesOf<typeof TRAINING_RULES>;
export type ViewConfig = ValuesOf<typeof VIEW_RULES>;

export interface Experiment {
  model: ModelSpec;
  data: DatasetConfig;
  training: TrainingConfig;
  view: ViewConfig;
}

function defaultsOf<R extends Record<string, FieldRule<unknown>>>(rules: R): ValuesOf<R> {
  const entries = Object.entries(rules).map(([k, r]) => [k, structuredClone(r.default)]);
  return Object.fromEntries(entries) as ValuesOf<R>;
}

export const defaultTrainingConfig = (): TrainingConfig => defaultsOf(TRAINING_RULES);
export const defaultViewConfig = (): ViewConfig => defaultsOf(VIEW_RULES);

/** The starter model: the MLP template, whose 2 inputs and sigmoid output fit the circle data. */
export const defaultModel = (): ModelSpec => templateSpec('mlp', counterIds());

/** A fresh copy each call, so callers may edit it. */
export function defaultExperiment(): Experiment {
  return {
    model: defaultModel(),
    data: structuredClone(defaultDatasetConfig),
    training: defaultTrainingConfig(),
    view: defaultViewConfig(),
  };
}
