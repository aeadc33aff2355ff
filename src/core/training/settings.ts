import { z } from 'zod';
import { seedSchema } from '../../data/config';
import { earlyStoppingSchema } from './early-stopping';
import { HUBER_DELTA, MOMENTUM } from './optimizer-constants';

/**
 * Training settings: pure (no tfjs) so the page, the store, the worker, links and saved runs
 * share one schema: every range and default is written here once. Names follow Keras
 * identifiers; the worker maps them to tfjs.
 */
export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad', 'adamax'] as const;
export type OptimizerId = (typeof OPTIMIZERS)[number];

export const OPTIMIZER_LABELS: Record<OptimizerId, string> = {
  sgd: 'SGD',
  momentum: `SGD with momentum (${MOMENTUM})`,
  adam: 'Adam',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
  adamax: 'Adamax',
};

export const LOSSES = [
  'mse',
  'mae',
  'huber',
  'binary_crossentropy',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
] as const;
export type LossId = (typeof LOSSES)[number];

export const LOSS_LABELS: Record<LossId, string> = {
  mse: 'Mean squared error',
  mae: 'Mean absolute error',
  huber: `Huber (δ = ${HUBER_DELTA})`,
  binary_crossentropy: 'Binary cross-entropy',
  categorical_crossentropy: 'Categorical cross-entropy',
  sparse_categorical_crossentropy: 'Sparse categorical cross-entropy',
};

export const METRICS = ['accuracy', 'mae'] as const;
export type MetricId = (typeof METRICS)[number];

export const trainingSettingsSchema = z.object({
  seed: seedSchema,
  optimizer: z.enum(OPTIMIZERS),
  learningRate: z.number().gt(0).max(10),
  batchSize: z.int().min(1).max(4096),
  epochs: z.int().min(1).max(10_000),
  /** 'auto' = the loss the data suggests (PreparedData.suggestedOutput.loss). */
  loss: z.enum(['auto', ...LOSSES]),
  /** Deduplicated and in METRICS order, so equal choices compare, save and link alike. */
  metrics: z
    .array(z.enum(METRICS))
    .max(METRICS.length * 4)
    .transform((ms) => METRICS.filter((m) => ms.includes(m))),
  /** Rescales the gradients when their global norm exceeds this; null = no clipping. */
  clipNorm: z.number().gt(0).max(1000).nullable(),
  /**
   * Recurrent layers (LSTM, GRU, SimpleRNN) run as fused WebGPU kernels (the whole sequence in a
   * few dispatches) where they can; off: tfjs' own per-step layers. Settings saved before it
   * existed read as on.
   */
  fusedRecurrent: z.boolean().default(true),
});
export type TrainingSettings = z.infer<typeof trainingSettingsSchema>;

/**
 * What the worker receives: the loss is resolved ('auto' → the data's suggestion). Keras'
 * EarlyStopping is a run setting only (a sweep sets it per run); absent or null: every epoch runs.
 */
export const runSettingsSchema = trainingSettingsSchema.extend({
  loss: z.enum(LOSSES),
  earlyStopping: earlyStoppingSchema.nullable().optional(),
});
export type RunSettings = z.infer<typeof runSettingsSchema>;

export const defaultTrainingSettings: TrainingSettings = {
  seed: 1,
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 32,
  epochs: 20,
  loss: 'auto',
  metrics: ['accuracy'],
  clipNorm: null,
  fusedRecurrent: true,
};

/** The learning rates people usually start from, per optimizer (Keras defaults, Adam a bit higher). */
export const DEFAULT_LEARNING_RATE: Record<OptimizerId, number> = {
  sgd: 0.01,
  momentum: 0.01,
  adam: 0.01,
  rmsprop: 0.001,
  adagrad: 0.01,
  adamax: 0.002,
};

export const isClassificationLoss = (loss: LossId): boolean => loss.endsWith('crossentropy');
