import { z } from 'zod';
import { earlyStoppingSchema } from '../training/early-stopping';

/**
 * A sweep: up to three things to vary, each over a space named as Keras Tuner names them
 * (hp.Choice values; hp.Int / hp.Float min_value, max_value, step, sampling), and a strategy
 * (GridSearch, or RandomSearch with max_trials and a seed). Plain JSON, so it travels in a link
 * and is saved with its results; every number has a range because links outlive the code.
 */
export const MAX_SWEEP_RUNS = 64;
export const MAX_SWEEP_PARAMS = 3;
export const MAX_CHOICES = 16;

/** The training settings a sweep may vary (validation split belongs to the data, not a run). */
export const SWEEP_SETTINGS = ['learningRate', 'batchSize', 'epochs', 'optimizer', 'seed'] as const;
export type SweepSetting = (typeof SWEEP_SETTINGS)[number];

export const SETTING_LABELS: Record<SweepSetting, string> = {
  learningRate: 'learning rate',
  batchSize: 'batch size',
  epochs: 'epochs',
  optimizer: 'optimizer',
  seed: 'seed',
};

export const sweepTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setting'), name: z.enum(SWEEP_SETTINGS) }),
  z.object({
    kind: z.literal('layer'),
    layerId: z.string().min(1).max(80),
    arg: z.string().regex(/^[a-z_]{1,40}$/),
  }),
]);
export type SweepTarget = z.infer<typeof sweepTargetSchema>;

export const sweepValueSchema = z.union([z.number().finite(), z.string().max(40), z.boolean()]);
export type SweepValue = z.infer<typeof sweepValueSchema>;

export const SAMPLINGS = ['linear', 'log'] as const;
export type Sampling = (typeof SAMPLINGS)[number];

const bound = z.number().finite().min(-1e9).max(1e9);
const range = {
  min_value: bound,
  max_value: bound,
  /** Linear: added between values; log: the factor between values. null: continuous (random only). */
  step: z.number().finite().gt(0).max(1e9).nullable(),
  sampling: z.enum(SAMPLINGS),
};

export const sweepSpaceSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('Choice'),
    values: z.array(sweepValueSchema).min(1).max(MAX_CHOICES),
  }),
  z.object({ type: z.literal('Int'), ...range }),
  z.object({ type: z.literal('Float'), ...range }),
]);
export type SweepSpace = z.infer<typeof sweepSpaceSchema>;

export const sweepParamSchema = z.object({ target: sweepTargetSchema, space: sweepSpaceSchema });
export type SweepParam = z.infer<typeof sweepParamSchema>;

export const STRATEGIES = ['grid', 'random'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const sweepDefinitionSchema = z.object({
  params: z.array(sweepParamSchema).min(1).max(MAX_SWEEP_PARAMS),
  strategy: z.enum(STRATEGIES),
  /** Random search: how many runs (Keras Tuner's max_trials). */
  count: z.int().min(1).max(MAX_SWEEP_RUNS),
  /** Random search: the seed its draws come from. */
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  /** Keras' EarlyStopping for every run; null: every run trains all its epochs. */
  earlyStopping: earlyStoppingSchema.nullable(),
});
export type SweepDefinition = z.infer<typeof sweepDefinitionSchema>;

export function parseSweepDefinition(
  raw: unknown,
): { ok: true; value: SweepDefinition } | { ok: false; reason: string } {
  const r = sweepDefinitionSchema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return {
    ok: false,
    reason: `The sweep definition is not valid${where}: ${issue?.message ?? 'invalid'}.`,
  };
}

/** Where a new sweep starts: the learning rate on a log scale, one decade per run. */
export const defaultSweepDefinition = (): SweepDefinition => ({
  params: [
    {
      target: { kind: 'setting', name: 'learningRate' },
      space: { type: 'Float', min_value: 0.001, max_value: 0.1, step: 10, sampling: 'log' },
    },
  ],
  strategy: 'grid',
  count: 8,
  seed: 1,
  earlyStopping: null,
});

export const isDefaultSweep = (d: SweepDefinition): boolean =>
  JSON.stringify(d) === JSON.stringify(defaultSweepDefinition());
