/**
 * Regression and forecasting read-outs: predictions next to the values they should match,
 * back in the data's own units (the model sees targets as (y − offset) / scale).
 */
export interface TargetScale {
  offset: number;
  scale: number;
}

export const denormalise = (v: number, t: TargetScale): number => v * t.scale + t.offset;

export interface PredictedPoint {
  /** Where the sample sits: its table row (time) for series, its sample index otherwise. */
  x: number;
  actual: number;
  predicted: number;
}

export interface PredictionInput {
  /** Model outputs, row-major [count, units]; the first unit is the one charted. */
  values: ArrayLike<number>;
  count: number;
  units: number;
  /** Index of the first predicted sample in the data. */
  firstSample: number;
  y: ArrayLike<number>;
  yWidth: number;
  target: TargetScale;
  /** Table row of each sample (first row of its window); null to use sample indices. */
  sourceRows: ArrayLike<number> | null;
  /** Added to the source row: the steps from a window's first row to the row it predicts. */
  rowOffset: number;
}

/** Ordered by x, so a line through them follows time. */
export function predictedVsActual(p: PredictionInput): PredictedPoint[] {
  const out: PredictedPoint[] = [];
  for (let i = 0; i < p.count; i++) {
    const sample = p.firstSample + i;
    const raw = p.y[sample * p.yWidth];
    const pred = p.values[i * p.units];
    if (raw === undefined || pred === undefined) break;
    const row = p.sourceRows ? (p.sourceRows[sample] ?? sample) : sample;
    out.push({
      x: row + (p.sourceRows ? p.rowOffset : 0),
      actual: denormalise(raw, p.target),
      predicted: denormalise(pred, p.target),
    });
  }
  return out.sort((a, b) => a.x - b.x);
}

/** Mean absolute error and R² of the charted points, in the data's units. */
export function fitQuality(points: readonly PredictedPoint[]): { mae: number; r2: number | null } {
  const n = points.length;
  if (n === 0) return { mae: NaN, r2: null };
  let abs = 0;
  let mean = 0;
  for (const p of points) {
    abs += Math.abs(p.predicted - p.actual);
    mean += p.actual;
  }
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (const p of points) {
    ssRes += (p.actual - p.predicted) ** 2;
    ssTot += (p.actual - mean) ** 2;
  }
  return { mae: abs / n, r2: ssTot > 0 ? 1 - ssRes / ssTot : null };
}
