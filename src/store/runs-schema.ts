import { z } from 'zod';
import type { SavedRun } from '../core/charts/saved-run';
import {
  MAX_RUN_NAME,
  MAX_RUNS,
  MAX_SAVED_EPOCHS,
  MAX_SAVED_POINTS,
} from '../core/charts/saved-run';
import { parseModelSpec } from '../core/model-spec';
import { datasetConfigSchema } from '../data/config';
import { defaultTrainingSettings, runSettingsSchema } from '../core/training/settings';

/**
 * The run history as read back from storage, which anything (another version, an extension, a
 * full disk) may have changed: every run is checked like a link, and a bad one is left out.
 */

// JSON writes NaN and Infinity (a diverged run's loss) as null; they come back as NaN.
const loss = z
  .number()
  .nullable()
  .transform((v) => v ?? Number.NaN);
const metrics = z.record(z.string().max(40), loss).refine((m) => Object.keys(m).length <= 8);

const spec = z.unknown().transform((value, ctx) => {
  const r = parseModelSpec(value);
  if (r.ok) return r.value;
  ctx.addIssue({ code: 'custom', message: r.reason });
  return z.NEVER;
});

/**
 * A run saved before a setting existed lacks it: it ran with that setting's default, so the
 * default is filled in (a migration) rather than the whole run being dropped.
 */
const withNewerSettings = (value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? { ...defaultTrainingSettings, ...value }
    : value;

const savedRunSchema = z.object({
  id: z.string().max(40),
  number: z.int().min(1),
  name: z.string().min(1).max(MAX_RUN_NAME),
  createdAt: z.number(),
  sourceRunId: z.int().min(0),
  outcome: z.string().max(20),
  message: z.string().max(2000).nullable(),
  backend: z.string().max(20).nullable(),
  // Older records lack it: a saved run was shown on the charts.
  shown: z.boolean().catch(true),
  config: z.object({
    spec,
    settings: z.preprocess(withNewerSettings, runSettingsSchema),
    data: z.object({ config: datasetConfigSchema, summary: z.string().max(2000) }),
  }),
  epochs: z
    .array(
      z.object({
        epoch: z.int().min(1),
        loss,
        // null means no validation split (a NaN one reads back as none: close enough).
        valLoss: z.number().nullable(),
        metrics,
        valMetrics: metrics,
      }),
    )
    .max(MAX_SAVED_EPOCHS),
  batches: z.array(z.object({ x: z.number(), y: loss })).max(MAX_SAVED_POINTS),
  batchCount: z.int().min(0),
});

export interface ReadRuns {
  runs: SavedRun[];
  nextRunNumber: number;
  ignored: string[];
}

/** Never throws: runs that fail their checks are dropped and named. */
export function readRuns(raw: unknown, rawNext: unknown): ReadRuns {
  const ignored: string[] = [];
  const list = Array.isArray(raw) ? raw.slice(-MAX_RUNS) : [];
  if (raw !== undefined && !Array.isArray(raw))
    ignored.push('runs: not a list, so no runs were read');
  const runs: SavedRun[] = [];
  list.forEach((item, i) => {
    const r = savedRunSchema.safeParse(item);
    if (r.success) runs.push(r.data as SavedRun);
    else ignored.push(`runs: run ${i + 1} could not be read, so it was left out`);
  });
  const highest = runs.reduce((n, r) => Math.max(n, r.number), 0);
  const next = typeof rawNext === 'number' && Number.isInteger(rawNext) ? rawNext : 1;
  // Run numbers are never reused, whatever the stored counter says.
  return { runs, nextRunNumber: Math.max(next, highest + 1), ignored };
}
