import type { ActivationId } from '../activations';
import { looseDef } from '../layers/catalog';
import type { ModelSpec } from '../model-spec';
import type { ActivationStats, Histogram } from './probe-types';

/** Pure statistics for the probes: no tfjs, tested in milliseconds. */
export const HISTOGRAM_BINS = 30;

type Saturated = (v: number) => boolean;

/** Where an activation's gradient vanishes; null for activations without flat ends. */
export function saturationTest(activation: ActivationId | null): Saturated | null {
  switch (activation) {
    case 'sigmoid':
    case 'hard_sigmoid':
    case 'softmax':
      return (v) => v < 0.01 || v > 0.99;
    case 'tanh':
    case 'softsign':
      return (v) => Math.abs(v) > 0.99;
    case 'relu6':
      return (v) => v >= 6;
    default:
      return null;
  }
}

/** The activation whose range each layer's outputs lie in, for the saturation share. */
export function effectiveActivations(spec: ModelSpec): (ActivationId | null)[] {
  let previous: ActivationId | null = null;
  return spec.layers.map((layer) => {
    const params = layer.params as { activation?: ActivationId };
    if (params.activation !== undefined) previous = params.activation;
    else if (!looseDef(layer.kind).keepsValueRange) previous = null;
    return previous;
  });
}

export function histogram(values: ArrayLike<number>, bins = HISTOGRAM_BINS): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const counts = new Array<number>(bins).fill(0);
  if (min > max) return { min: 0, max: 0, counts };
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    // max itself belongs to the last bin; a constant layer puts everything in bin 0.
    const bin = width > 0 ? Math.min(bins - 1, Math.floor((v - min) / width)) : 0;
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return { min, max, counts };
}

export function activationStats(
  values: ArrayLike<number>,
  activation: ActivationId | null,
  bins = HISTOGRAM_BINS,
): ActivationStats {
  const saturated = saturationTest(activation);
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let zeros = 0;
  let sat = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    n++;
    sum += v;
    sumSq += v * v;
    if (v === 0) zeros++;
    if (saturated?.(v)) sat++;
  }
  const mean = n > 0 ? sum / n : 0;
  const variance = n > 0 ? Math.max(0, sumSq / n - mean * mean) : 0;
  return {
    count: n,
    mean,
    std: Math.sqrt(variance),
    zeroShare: n > 0 ? zeros / n : 0,
    saturatedShare: saturated ? (n > 0 ? sat / n : 0) : null,
    histogram: histogram(values, bins),
  };
}
