import { z } from 'zod';
import { defaultDatasetConfig, type DatasetConfig } from '../../data/config';
import { counterIds, type ModelSpec } from '../model-spec';
import { numberKind, numberRule } from '../number-rule';
import { templateSpec } from '../templates';
import type { SweepDefinition } from '../sweep/definition';
import { BACKEND_CHOICES, DEFAULT_BACKEND_CHOICE } from '../training/backend-names';
import {
  defaultTrainingSettings,
  METRICS,
  trainingSettingsSchema,
  type MetricId,
} from '../training/settings';

/**
 * The whole experiment as one shareable record: what a link, a saved file or an export carries.
 * Every field has a range and a default, because links outlive the code that made them.
 */

export const PANELS = ['builder', 'graph', 'dataset', 'training', 'charts'] as const;
export type PanelId = (typeof PANELS)[number];

/** One field of a flat section: its schema, default and the sentence describing what is allowed. */
export interface FieldRule<T> {
  schema: z.ZodType<T>;
  default: T;
  /** "must be an integer from 1 to 4096" */
  expects: string;
}

const list = (options: readonly string[]) => options.map((o) => `'${o}'`).join(', ');
const oneOf = <const O extends readonly [string, ...string[]]>(options: O, def: O[number]) => ({
  schema: z.enum(options) as unknown as z.ZodType<O[number]>,
  default: def,
  expects: `must be one of ${list(options)}`,
});
const numberIn = (min: number, max: number, def: number) => ({
  schema: z.number().min(min).max(max),
  default: def,
  expects: `must be a number between ${min} and ${max}`,
});

// The training rules are read from the one settings schema, so a value the form and the store
// accept is never refused by a link or the autosave, and the sentences name the same range.
const field = trainingSettingsSchema.shape;
const defaults = defaultTrainingSettings;

function numberField<K extends 'learningRate' | 'batchSize' | 'epochs' | 'seed'>(
  key: K,
): FieldRule<number> {
  return {
    schema: field[key],
    default: defaults[key],
    expects: `must be ${numberKind(numberRule(field[key]))}`,
  };
}

function enumField<T extends string>(
  schema: z.ZodType<T> & { options: readonly T[] },
  def: T,
): FieldRule<T> {
  return { schema, default: def, expects: `must be one of ${list(schema.options)}` };
}

const optionalNumberField = (key: 'clipNorm', meaning: string): FieldRule<number | null> => ({
  schema: field[key],
  default: defaults[key],
  expects: `must be ${numberKind(numberRule(field[key], meaning))}, or null for ${meaning}`,
});

// Validation split and split seed belong to the dataset (data.prepare): the split also decides
// normalisation statistics and chronological order, so it is not repeated here.
export const TRAINING_RULES = {
  optimizer: enumField(field.optimizer, defaults.optimizer),
  learningRate: numberField('learningRate'),
  batchSize: numberField('batchSize'),
  epochs: numberField('epochs'),
  /** 'auto': the loss the data suggests, resolved when training starts. */
  loss: enumField(field.loss, defaults.loss),
  metrics: {
    schema: field.metrics,
    default: defaults.metrics,
    expects: `must be a list drawn from ${list(METRICS)}`,
  } as FieldRule<MetricId[]>,
  /** Rescales gradients whose global norm exceeds this; null: no clipping. */
  clipNorm: optionalNumberField('clipNorm', 'no clipping'),
  /** Fused WebGPU kernels for LSTM, GRU and SimpleRNN (false: tfjs' own layers). */
  fusedRecurrent: {
    schema: field.fusedRecurrent,
    default: defaults.fusedRecurrent,
    expects: 'must be true or false',
  } as FieldRule<boolean>,
  /** Seeds weight initialisation, dropout and batch shuffling. */
  seed: numberField('seed'),
  backend: {
    ...oneOf(BACKEND_CHOICES, DEFAULT_BACKEND_CHOICE),
    // Saved before Auto measured by default: "Auto (fastest)" is what Auto now is.
    schema: z.preprocess((v) => (v === 'fastest' ? 'auto' : v), z.enum(BACKEND_CHOICES)),
  },
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
  /** A sweep definition (issue 21), only where one was set up; see sweep-section.ts. */
  sweep?: SweepDefinition;
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
