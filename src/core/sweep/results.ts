import { z } from 'zod';
import type { ModelSpec } from '../model-spec';
import { parseModelSpec } from '../model-spec';
import { runSettingsSchema, type RunSettings } from '../training/settings';
import {
  sweepDefinitionSchema,
  sweepValueSchema,
  type SweepDefinition,
  type SweepValue,
} from './definition';
import type { SkippedRun } from './expand';

/**
 * A sweep's results: what each run trained and how it ended, small enough to keep every run
 * (the per-epoch curves, not the per-batch ones) and plain JSON to store and export as it is.
 */
/** 'skipped': ended by "Skip this run"; 'not run': still queued when the sweep was stopped. */
export const RESULT_OUTCOMES = [
  'finished',
  'stopped',
  'diverged',
  'failed',
  'skipped',
  'not run',
] as const;
export type ResultOutcome = (typeof RESULT_OUTCOMES)[number];

const num = z.number().nullable();
const spec = z.unknown().transform((value, ctx) => {
  const r = parseModelSpec(value);
  if (r.ok) return r.value;
  ctx.addIssue({ code: 'custom', message: r.reason });
  return z.NEVER;
});

export const sweepEpochSchema = z.object({
  epoch: z.int().min(1),
  loss: num,
  valLoss: num,
  /** The sweep's metric (accuracy or mae) on training and validation data, if it has one. */
  metric: num,
  valMetric: num,
});
export type SweepEpoch = z.infer<typeof sweepEpochSchema>;

export const sweepRunResultSchema = z.object({
  index: z.int().min(1),
  values: z.array(sweepValueSchema).max(3),
  outcome: z.enum(RESULT_OUTCOMES),
  message: z.string().max(2000).nullable(),
  spec,
  settings: runSettingsSchema,
  epochs: z.array(sweepEpochSchema).max(10_000),
  /** Training time, pauses excluded. */
  timeMs: z.number().min(0),
  samplesPerSec: z.number().min(0).nullable(),
  backend: z.string().max(20).nullable(),
});
export interface SweepRunResult {
  index: number;
  values: SweepValue[];
  outcome: ResultOutcome;
  message: string | null;
  spec: ModelSpec;
  settings: RunSettings;
  epochs: SweepEpoch[];
  timeMs: number;
  samplesPerSec: number | null;
  backend: string | null;
}

export const sweepRecordSchema = z.object({
  v: z.literal(1),
  id: z.string().max(80),
  createdAt: z.number(),
  definition: sweepDefinitionSchema,
  labels: z.array(z.string().max(120)).max(3),
  metric: z.enum(['accuracy', 'mae']).nullable(),
  total: z.int().min(0).max(64),
  skipped: z
    .array(z.object({ values: z.array(sweepValueSchema).max(3), reason: z.string().max(2000) }))
    .max(1000),
  results: z.array(sweepRunResultSchema).max(64),
});
export interface SweepRecord {
  v: 1;
  id: string;
  createdAt: number;
  definition: SweepDefinition;
  labels: string[];
  metric: 'accuracy' | 'mae' | null;
  /** Runs planned (skipped ones not counted). */
  total: number;
  skipped: SkippedRun[];
  results: SweepRunResult[];
}

/** The sweep's metric: accuracy for a classifier that reports it, else mae when reported. */
export function sweepMetricOf(settings: {
  loss: string;
  metrics: readonly string[];
}): 'accuracy' | 'mae' | null {
  const classify = settings.loss.endsWith('crossentropy');
  if (classify && settings.metrics.includes('accuracy')) return 'accuracy';
  if (!classify && settings.metrics.includes('mae')) return 'mae';
  return null;
}

export interface RunSummary {
  index: number;
  values: SweepValue[];
  outcome: ResultOutcome;
  bestValLoss: number | null;
  finalValLoss: number | null;
  finalLoss: number | null;
  /** The validation metric where there is validation data, else the training metric. */
  finalMetric: number | null;
  epochs: number;
  timeMs: number;
}

const finite = (x: number | null | undefined): number | null =>
  x !== null && x !== undefined && Number.isFinite(x) ? x : null;

export function summarise(r: SweepRunResult): RunSummary {
  const last = r.epochs.at(-1);
  const vals = r.epochs.map((e) => finite(e.valLoss)).filter((v): v is number => v !== null);
  return {
    index: r.index,
    values: r.values,
    outcome: r.outcome,
    bestValLoss: vals.length > 0 ? Math.min(...vals) : null,
    finalValLoss: finite(last?.valLoss),
    finalLoss: finite(last?.loss),
    finalMetric: finite(last?.valMetric) ?? finite(last?.metric),
    epochs: r.epochs.length,
    timeMs: r.timeMs,
  };
}

/**
 * The objective, as Keras Tuner's default: the lowest validation loss (the training loss
 * where there is no validation data). Lower is better; null for a run with neither.
 */
export const objective = (s: RunSummary): number | null => s.bestValLoss ?? s.finalLoss;

/** The index of the best run, or null when none has a loss. */
export function bestRun(summaries: readonly RunSummary[]): number | null {
  let best: RunSummary | null = null;
  for (const s of summaries) {
    const o = objective(s);
    if (o === null || s.outcome === 'skipped' || s.outcome === 'not run') continue;
    const b = best ? objective(best) : null;
    if (b === null || o < b) best = s;
  }
  return best?.index ?? null;
}

export function readSweepRecord(
  raw: unknown,
): { ok: true; value: SweepRecord } | { ok: false; reason: string } {
  const r = sweepRecordSchema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data as SweepRecord };
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return {
    ok: false,
    reason: `The saved sweep could not be read${where}: ${issue?.message ?? 'invalid'}.`,
  };
}
