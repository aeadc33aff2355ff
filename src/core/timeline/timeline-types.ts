import { z } from 'zod';
import { histogramSchema } from '../training/probe-types';

/**
 * What the timeline keeps of the model at an epoch's end, beside that epoch's probe: how each
 * weight tensor is distributed, how large its gradient is, and where the validation samples lie
 * in a layer's 2-D projection. Small by construction (histograms, quantiles, ≤ 4 096 picture
 * values a layer, ≤ 256 points), so a long run's history stays within TIMELINE_BUDGET_BYTES.
 */
export const WEIGHT_QUANTILES = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1] as const;
export const MAX_PICTURE_VALUES = 4096;
export const MAX_EMBEDDING_POINTS = 256;

const finite = z.number();
const shape = z.array(z.int().min(1)).max(5);

export const weightStatsSchema = z.object({
  /** Index in spec.layers (0 is the Input). */
  layerIndex: z.int().min(0),
  layerName: z.string(),
  /** Keras' name for the tensor: kernel, recurrent_kernel, bias, gamma, alpha… */
  weight: z.string(),
  shape,
  histogram: histogramSchema,
  /** At WEIGHT_QUANTILES, in order. */
  quantiles: z.array(finite).length(WEIGHT_QUANTILES.length),
  mean: finite,
  std: finite,
  /** The gradient's L2 norm on the probe samples; null where it could not be computed. */
  gradNorm: finite.nullable(),
  /**
   * The tensor itself for small pictures (a Dense kernel's heatmap, Conv filters), row-major in
   * `shape`; null when it has more than MAX_PICTURE_VALUES values.
   */
  values: z.array(finite).max(MAX_PICTURE_VALUES).nullable(),
});
export type WeightStats = z.infer<typeof weightStatsSchema>;

export const embeddingSchema = z.object({
  layerIndex: z.int().min(0),
  layerName: z.string(),
  /** Index in the prepared data of the first point's sample (validation samples). */
  firstSample: z.int().min(0),
  /** x0, y0, x1, y1, … */
  points: z.array(finite).max(2 * MAX_EMBEDDING_POINTS),
  /** Each point's class (classification); null for regression. */
  labels: z.array(z.int().min(0)).max(MAX_EMBEDDING_POINTS).nullable(),
  /** Share of the variance each of the two axes explains. */
  explained: z.tuple([finite, finite]),
});
export type Embedding = z.infer<typeof embeddingSchema>;

const share = z.number().min(0).max(1);

export const gateSaturationSchema = z.object({
  layerIndex: z.int().min(0),
  layerName: z.string(),
  kind: z.enum(['LSTM', 'GRU']),
  /** In Keras' order (LSTM input, forget, candidate, output; GRU update, reset, candidate). */
  gates: z
    .array(
      z.object({
        gate: z.string(),
        /** Shares of the gate's values on the probe samples near its low and high ends; null
         * where its activation has no flat ends. */
        low: share.nullable(),
        high: share.nullable(),
      }),
    )
    .max(4),
});
export type GateSaturation = z.infer<typeof gateSaturationSchema>;

export const timelineSnapshotSchema = z.object({
  weights: z.array(weightStatsSchema).max(1024),
  /** L2 norm of all gradients together; null where they could not be computed. */
  globalGradNorm: finite.nullable(),
  embedding: embeddingSchema.nullable(),
  /** LSTM/GRU layers' gate saturation; absent in runs recorded before it was measured. */
  gates: z.array(gateSaturationSchema).max(64).optional(),
});
export type TimelineSnapshot = z.infer<typeof timelineSnapshotSchema>;
