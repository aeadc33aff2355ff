import { lttbIndices, type XY } from './lttb';
import { smoothEma } from './smoothing';

/**
 * Pure "metrics → chart series" helpers. A series is a list of points; charts get one table
 * whose rows are x values and whose columns are series keys (what recharts draws from).
 */
export interface Series {
  key: string;
  points: XY[];
}

export type Row = { x: number } & Record<string, number>;

/** What an epoch record needs to have for the charts (the training protocol's EpochResult fits). */
export interface EpochLike {
  epoch: number;
  loss: number;
  valLoss: number | null;
  metrics: Partial<Record<string, number>>;
  valMetrics: Partial<Record<string, number>>;
}

export interface BatchLike {
  epoch: number;
  batch: number;
  loss: number;
}

/** Train value of a quantity ('loss' or a metric id), or its validation value with `val`. */
export function epochPoints(epochs: readonly EpochLike[], quantity: string, val: boolean): XY[] {
  const out: XY[] = [];
  for (const e of epochs) {
    const y =
      quantity === 'loss' ? (val ? e.valLoss : e.loss) : (val ? e.valMetrics : e.metrics)[quantity];
    if (y !== null && y !== undefined && Number.isFinite(y)) out.push({ x: e.epoch, y });
  }
  return out;
}

/** Batches as points on one step axis across epochs: step = (epoch − 1) · perEpoch + batch. */
export function batchPoints(losses: readonly BatchLike[], batchesPerEpoch: number): XY[] {
  const per = Math.max(1, batchesPerEpoch);
  return losses.map((l) => ({ x: (l.epoch - 1) * per + l.batch, y: l.loss }));
}

/** Columns of x and y, the form the per-batch stream is smoothed and downsampled in. */
export interface Columns {
  xs: Float64Array;
  ys: Float64Array;
}

export function batchColumns(losses: readonly BatchLike[], batchesPerEpoch: number): Columns {
  const per = Math.max(1, batchesPerEpoch);
  const n = losses.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const l = losses[i] as BatchLike;
    xs[i] = (l.epoch - 1) * per + l.batch;
    ys[i] = l.loss;
  }
  return { xs, ys };
}

export function pointColumns(points: readonly XY[]): Columns {
  return {
    xs: Float64Array.from(points, (p) => p.x),
    ys: Float64Array.from(points, (p) => p.y),
  };
}

export interface DrawOptions {
  /** EMA weight in [0, 1): 0 is raw. */
  smoothing: number;
  /** Drop points a log axis cannot show (≤ 0). */
  logScale: boolean;
  /** Most points drawn per series. */
  maxPoints: number;
}

/**
 * Smoothing runs on every point (so it is the same however long the run), then LTTB keeps at
 * most maxPoints of them: drawing cost no longer grows with the run. Works on typed columns
 * and builds objects only for the points kept, so 100 000 batches take a few milliseconds.
 */
export function pointsToDraw(input: readonly XY[] | Columns, opts: DrawOptions): XY[] {
  const { xs, ys } = 'xs' in input ? input : pointColumns(input);
  const smoothed = smoothEma(ys, opts.smoothing);
  const n = Math.min(xs.length, smoothed.length);
  const keptX = new Float64Array(n);
  const keptY = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const y = smoothed[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y) || (opts.logScale && y <= 0)) continue;
    keptX[m] = x;
    keptY[m] = y;
    m++;
  }
  const fx = keptX.subarray(0, m);
  const fy = keptY.subarray(0, m);
  return lttbIndices(fx, fy, opts.maxPoints).map((i) => ({
    x: fx[i] as number,
    y: fy[i] as number,
  }));
}

/** One row per distinct x (ascending), each holding the y of every series that has that x. */
export function mergeSeries(series: readonly Series[]): Row[] {
  const rows = new Map<number, Row>();
  for (const s of series) {
    for (const p of s.points) {
      let row = rows.get(p.x);
      if (!row) {
        row = { x: p.x } as Row;
        rows.set(p.x, row);
      }
      row[s.key] = p.y;
    }
  }
  return [...rows.values()].sort((a, b) => a.x - b.x);
}
