import type { PrepareConfig } from './config';

export interface Normalisation {
  kind: PrepareConfig['normalisation'];
  /** Per feature: x' = (x − offset) / scale. */
  offset: number[];
  scale: number[];
}

/**
 * Fits per-column statistics on the rows marked in `use` only (the training rows): validation
 * data must stay unseen, so its mean or range may not leak into the scaling. Works on the
 * Float64 source columns, so the statistics are as exact as the data. A constant column gets
 * scale 1 rather than a division by zero.
 */
export function fitNormalisation(
  kind: Normalisation['kind'],
  columns: readonly ArrayLike<number>[],
  use: Uint8Array,
): Normalisation {
  const offset = columns.map(() => 0);
  const scale = columns.map(() => 1);
  if (kind === 'none') return { kind, offset, scale };
  columns.forEach((values, f) => {
    let lo = Infinity;
    let hi = -Infinity;
    let n = 0;
    let mean = 0;
    let squares = 0;
    for (let i = 0; i < values.length; i++) {
      if (!use[i]) continue;
      const v = values[i] as number;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      // Welford's running mean: stable for large offsets like 10 000 births a day.
      n++;
      const delta = v - mean;
      mean += delta / n;
      squares += delta * (v - mean);
    }
    if (n === 0) return;
    const spread = kind === 'minmax' ? hi - lo : Math.sqrt(squares / n);
    offset[f] = kind === 'minmax' ? lo : mean;
    scale[f] = spread > 1e-12 && Number.isFinite(spread) ? spread : 1;
  });
  return { kind, offset, scale };
}

/** Scaled copies of the columns, still in Float64 (the caller converts once, at the end). */
export function scaleColumns(
  columns: readonly ArrayLike<number>[],
  norm: Normalisation,
): Float64Array[] {
  return columns.map((values, j) => {
    const offset = norm.offset[j] ?? 0;
    const scale = norm.scale[j] ?? 1;
    // A plain loop: TypedArray.from with a map function is about 100× slower in V8, which
    // made a 200 000-row CSV spend seconds here.
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = ((values[i] as number) - offset) / scale;
    return out;
  });
}

/** In place, e.g. for points the UI feeds to a trained model; `x` has the feature index varying fastest ([N, F] or [N, T, F]). */
export function applyNormalisation(x: Float32Array | Float64Array, norm: Normalisation): void {
  const f = norm.offset.length;
  if (norm.kind === 'none' || f === 0) return;
  for (let i = 0; i < x.length; i++) {
    x[i] = ((x[i] as number) - (norm.offset[i % f] as number)) / (norm.scale[i % f] as number);
  }
}

/**
 * Marks the rows that training samples read: each sample's row, or the rows of its window plus
 * its target row `ahead` steps after the window (so a chronological split marks exactly the
 * training part when the stride is 1).
 */
export function trainingRows(
  rowCount: number,
  sourceRows: Int32Array,
  trainCount: number,
  span: number,
  ahead = 0,
): Uint8Array {
  const use = new Uint8Array(rowCount);
  for (let k = 0; k < trainCount; k++) {
    const start = sourceRows[k] as number;
    use.fill(1, start, Math.min(rowCount, start + span));
    const target = start + span - 1 + ahead;
    if (target < rowCount) use[target] = 1;
  }
  return use;
}
