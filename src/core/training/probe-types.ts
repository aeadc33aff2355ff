import { z } from 'zod';

/**
 * What the worker measures inside the model (on a fixed probe batch) for the charts. Only small
 * arrays cross the worker boundary: histograms, one pooling sample, a few hundred predictions.
 */
export const MAX_PROBE_VALUES = 250_000;

const finite = z.number();
const values = z.array(finite).max(MAX_PROBE_VALUES);
const shape = z.array(z.int().min(1)).max(4);

export const histogramSchema = z.object({
  /** Bin i covers [min + i·w, min + (i+1)·w) with w = (max − min) / counts.length. */
  min: finite,
  max: finite,
  counts: z.array(z.int().min(0)).min(1).max(200),
});
export type Histogram = z.infer<typeof histogramSchema>;

export const activationStatsSchema = z.object({
  count: z.int().min(0),
  mean: finite,
  std: finite,
  /** Share of outputs exactly 0 (dead ReLUs show up here). */
  zeroShare: finite,
  /** Share in the flat ends of a bounded activation; null where the activation has none. */
  saturatedShare: finite.nullable(),
  histogram: histogramSchema,
});
export type ActivationStats = z.infer<typeof activationStatsSchema>;

export const layerProbeSchema = z.object({
  /** Index in spec.layers (0 is the Input). */
  index: z.int().min(0),
  name: z.string(),
  kind: z.string(),
  stats: activationStatsSchema,
});
export type LayerProbe = z.infer<typeof layerProbeSchema>;

/** One sample's input to and output from a pooling layer, row-major, batch dimension dropped. */
export const poolingProbeSchema = z.object({
  index: z.int().min(0),
  name: z.string(),
  kind: z.string(),
  sample: z.int().min(0),
  inputShape: shape,
  input: values,
  outputShape: shape,
  output: values,
});
export type PoolingProbe = z.infer<typeof poolingProbeSchema>;

/** Model outputs for `count` samples, row-major [count, units]. */
export const predictionsSchema = z.object({
  /** Index in PreparedData of the first sample (validation samples start at trainCount). */
  firstSample: z.int().min(0),
  count: z.int().min(0),
  units: z.int().min(1),
  values,
});
export type Predictions = z.infer<typeof predictionsSchema>;

export const probeSnapshotSchema = z.object({
  epoch: z.int().min(0),
  /** Batches done in that epoch; 0 with epoch 0 is the untrained model. */
  batch: z.int().min(0),
  layers: z.array(layerProbeSchema).max(256),
  pooling: z.array(poolingProbeSchema).max(64),
  predictions: predictionsSchema.nullable(),
  /** Predictions for the extra probe inputs the page sent (e.g. a grid), in their order. */
  extra: predictionsSchema.nullable(),
});
export type ProbeSnapshot = z.infer<typeof probeSnapshotSchema>;
