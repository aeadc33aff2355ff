import { z } from 'zod';
import { NORMALISATIONS } from '../../data/config';
import type { Result } from '../result';
import { importedWeightsSchema } from '../export/weights-manifest';
import { parseModelSpec } from '../model-spec';
import { BACKEND_CHOICES, BACKEND_NAMES } from './backend-names';
import { probeSnapshotSchema } from './probe-types';
import { timelineSnapshotSchema } from '../timeline/timeline-types';
import { saliencyReplySchema, saliencyRequestSchema } from '../timeline/saliency-types';
import { predictReplySchema, predictRequestSchema } from '../predict/predict-types';
import { METRICS, runSettingsSchema, trainingSettingsSchema } from './settings';
import { float32Array, trainingDataSchema } from './training-data';

/**
 * The typed bridge between the page and the training worker. Both directions are unions on
 * `type` and are validated on arrival: a malformed message is reported, never acted upon.
 * Every run-scoped message carries the runId the page gave the run; the worker ignores commands
 * for another run and the page ignores events from an earlier one.
 */
const backendName = z.enum(BACKEND_NAMES);
const runId = z.int().min(1);

/** Step runs one batch or one epoch, then pauses again. */
export const STEP_UNITS = ['batch', 'epoch'] as const;
export type StepUnit = (typeof STEP_UNITS)[number];
const count = z.int().min(0);

export const adapterInfoSchema = z.object({
  vendor: z.string(),
  architecture: z.string(),
  description: z.string(),
  isFallbackAdapter: z.boolean(),
});
export type AdapterInfo = z.infer<typeof adapterInfoSchema>;

export const backendReportSchema = z.object({
  name: backendName,
  adapter: adapterInfoSchema.nullable(),
  skipped: z.array(z.object({ name: backendName, reason: z.string() })),
  /** Why Auto runs on this backend, in a sentence; absent for a backend chosen by name. */
  why: z.string().nullable().optional(),
});
export type BackendReport = z.infer<typeof backendReportSchema>;

// --- Trained weights (weights-io.ts) ---------------------------------------------------------
// Kept apart from the run messages: they carry a requestId the reply repeats, and no runId, so
// the run reducer never sees them. The key names a tfjs IndexedDB model: indexeddb://<key>.
const requestId = z.int().min(1);
export const weightsKeySchema = z.string().regex(/^layerlab-[A-Za-z0-9_-]{1,64}$/);

export const weightsRequestSchemas = [
  /** Saves the model a run just trained (the worker keeps it until asked) under `key`. */
  z.object({ type: z.literal('saveWeights'), requestId, runId, key: weightsKeySchema }),
  /** Reads the weights saved under `key` back as tfjs files (model.json + weights.bin). */
  z.object({ type: z.literal('exportWeights'), requestId, key: weightsKeySchema }),
  z.object({ type: z.literal('deleteWeights'), requestId, key: weightsKeySchema }),
] as const;

export const weightsReplySchema = z.object({
  type: z.literal('weights'),
  requestId,
  /** Why the request failed; null when it worked. */
  message: z.string().nullable(),
  /** For exportWeights: the files as tfjs's own downloads would write them. */
  files: z.object({ modelJson: z.string(), weights: z.instanceof(ArrayBuffer) }).nullable(),
});
export type WeightsReply = z.infer<typeof weightsReplySchema>;

export const benchmarkResultSchema = z.object({
  name: backendName,
  stepsPerSecond: z.number().min(0).nullable(),
  /** The first step alone (shader compiles, start-up), not counted in the rate. */
  warmupMs: z.number().min(0).nullable(),
  reason: z.string().nullable(),
});
export type BenchmarkResult = z.infer<typeof benchmarkResultSchema>;

export const knownSpeedsSchema = z.object({
  /** The browser and machine they were measured on (the worker's machineId). */
  machine: z.string().max(2000),
  results: z.array(benchmarkResultSchema).max(BACKEND_NAMES.length),
});
export type KnownSpeeds = z.infer<typeof knownSpeedsSchema>;

const modelSpecSchema = z.unknown().transform((value, ctx) => {
  const r = parseModelSpec(value);
  if (r.ok) return r.value;
  ctx.addIssue({ code: 'custom', message: r.reason });
  return z.NEVER;
});

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), backend: z.enum(BACKEND_CHOICES) }),
  z.object({
    type: z.literal('start'),
    runId,
    backend: z.enum(BACKEND_CHOICES),
    spec: modelSpecSchema,
    data: trainingDataSchema,
    settings: runSettingsSchema,
    /** Start paused (for Step from idle). */
    paused: z.boolean(),
    /** Extra samples (flattened like x) whose predictions every probe reports, e.g. a grid. */
    probeInputs: float32Array.nullable(),
    /** Imported trained weights to start from instead of the seeded initialisation. */
    initialWeights: importedWeightsSchema.optional(),
    /** How the data settings scaled the inputs, so advice after a divergence fits them. */
    normalisation: z.enum(NORMALISATIONS).optional(),
    /** For Auto: this model's speeds measured on an earlier visit, so it need not measure again. */
    knownSpeeds: knownSpeedsSchema.nullable().optional(),
    /** Record the timeline (weights, gradients, projection at epoch ends); on unless false. */
    timeline: z.boolean().optional(),
    /** Spec index of the layer the embedding view projects; the one before the output if absent. */
    embeddingLayer: z.int().min(1).optional(),
  }),
  z.object({ type: z.literal('pause'), runId }),
  z.object({ type: z.literal('resume'), runId }),
  z.object({ type: z.literal('step'), runId, unit: z.enum(STEP_UNITS) }),
  z.object({ type: z.literal('stop'), runId }),
  z.object({
    type: z.literal('setLearningRate'),
    runId,
    learningRate: trainingSettingsSchema.shape.learningRate,
  }),
  ...weightsRequestSchemas,
  saliencyRequestSchema,
  predictRequestSchema,
]);
export type WorkerRequest = z.infer<typeof requestSchema>;
export type WeightsRequest = Extract<
  WorkerRequest,
  { type: 'saveWeights' | 'exportWeights' | 'deleteWeights' }
>;

const metricValues = z.object({ accuracy: z.number().optional(), mae: z.number().optional() });
export type MetricValues = z.infer<typeof metricValues>;
export const METRIC_IDS = METRICS;

export const batchLossSchema = z.object({
  epoch: z.int().min(1),
  batch: z.int().min(1),
  loss: z.number(),
});
export type BatchLoss = z.infer<typeof batchLossSchema>;

export const progressSchema = z.object({
  epoch: z.int().min(1),
  /** Batches done in this epoch. */
  batch: count,
  batchesPerEpoch: z.int().min(1),
  totalEpochs: z.int().min(1),
  samplesPerSec: z.number().min(0),
  /** Time spent training, pauses excluded. */
  elapsedMs: z.number().min(0),
  etaMs: z.number().min(0).nullable(),
});
export type Progress = z.infer<typeof progressSchema>;

export const epochResultSchema = z.object({
  epoch: z.int().min(1),
  loss: z.number(),
  metrics: metricValues,
  valLoss: z.number().nullable(),
  valMetrics: metricValues,
  /** tf.memory().numTensors after the epoch: flat from epoch to epoch, or something leaks. */
  numTensors: count,
});
export type EpochResult = z.infer<typeof epochResultSchema>;

/** Auto's measurements of one model, as the page keeps them between visits. */

export const OUTCOMES = ['finished', 'stopped', 'diverged', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const eventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('backend'), report: backendReportSchema }),
  z.object({
    type: z.literal('benchmark'),
    runId,
    /** Sent after each backend is measured; picked stays null until all are. */
    results: z.array(benchmarkResultSchema).max(BACKEND_NAMES.length),
    picked: backendName.nullable(),
    /** How many backends are being measured. */
    total: z.int().min(1).max(BACKEND_NAMES.length).optional(),
    /** With the final results: where they were measured, for the page to keep (KnownSpeeds). */
    machine: z.string().max(2000).optional(),
  }),
  z.object({
    type: z.literal('started'),
    runId,
    backend: backendName,
    trainCount: z.int().min(1),
    valCount: count,
    batchesPerEpoch: z.int().min(1),
    totalEpochs: z.int().min(1),
  }),
  z.object({ type: z.literal('state'), runId, state: z.enum(['running', 'paused']) }),
  z.object({
    type: z.literal('batches'),
    runId,
    losses: z.array(batchLossSchema).max(100_000),
    progress: progressSchema,
  }),
  z.object({ type: z.literal('epoch'), runId, result: epochResultSchema }),
  z.object({
    type: z.literal('probe'),
    runId,
    snapshot: probeSnapshotSchema,
    /** At epoch ends (and for the untrained model) while the timeline records. */
    timeline: timelineSnapshotSchema.nullable().optional(),
  }),
  z.object({
    type: z.literal('done'),
    runId,
    outcome: z.enum(OUTCOMES),
    message: z.string().nullable(),
  }),
  z.object({ type: z.literal('notice'), message: z.string() }),
  z.object({ type: z.literal('error'), runId: runId.nullable(), message: z.string() }),
  weightsReplySchema,
  saliencyReplySchema,
  predictReplySchema,
]);
export type WorkerEvent = z.infer<typeof eventSchema>;

function parseWith<T>(schema: z.ZodType<T>, what: string, data: unknown): Result<T> {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, reason: `Malformed ${what}${where}: ${issue?.message ?? 'invalid'}` };
}

export const parseRequest = (data: unknown) =>
  parseWith(requestSchema, 'request to the worker', data);
export const parseEvent = (data: unknown) =>
  parseWith(eventSchema, 'message from the worker', data);
