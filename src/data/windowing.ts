import { fail, formatCount, ok, plural, type Result } from './result';

/**
 * Sliding windows with the semantics of Keras `timeseries_dataset_from_array(data, targets,
 * sequence_length=T, sequence_stride=s)` (sampling_rate 1):
 *
 * - window k starts at row start_k = k·s and covers rows [start_k, start_k + T);
 * - forecast mode, horizon h ≥ 1: its target is the target column at row start_k + T − 1 + h,
 *   i.e. h steps after the window's last step (h = 1: the very next value). In Keras terms:
 *   `timeseries_dataset_from_array(series[:-h], targets=series[T-1+h:], sequence_length=T)`;
 * - classify mode: its target is the label at the window's last row, start_k + T − 1 (Keras
 *   with `targets=labels[T-1:]`);
 * - windows are kept while the target row exists, so for L rows the count is
 *   N = floor((L − T − o) / s) + 1 when L ≥ T + o, else 0, with o = h (forecast) or 0 (classify).
 */
export interface WindowSpec {
  length: number;
  stride: number;
  horizon: number;
  mode: 'forecast' | 'classify';
}

/** Each window is [N, T, F] floats in memory; this keeps it near 80 MB of Float32. */
export const MAX_WINDOW_VALUES = 20_000_000;

/** Rows between a window's last row and its target row. */
export const targetOffset = (spec: WindowSpec): number =>
  spec.mode === 'forecast' ? spec.horizon : 0;

export function windowCount(rows: number, spec: WindowSpec): number {
  const room = rows - spec.length - targetOffset(spec);
  return room < 0 ? 0 : Math.floor(room / spec.stride) + 1;
}

/** Window k's rows [start, end) and its target row, for the UI to highlight and step through. */
export function windowAt(
  k: number,
  spec: WindowSpec,
  firstRow = 0,
): { start: number; end: number; target: number } {
  const start = firstRow + k * spec.stride;
  const end = start + spec.length;
  return { start, end, target: end - 1 + targetOffset(spec) };
}

/** Names the rows in messages ('the series') and what the user can change when they fall short. */
export interface RowsContext {
  what?: string;
  fix?: string;
}

/** The number of windows, or why there are none. */
export function checkWindowing(
  rows: number,
  spec: WindowSpec,
  ctx: RowsContext = {},
): Result<number> {
  const o = targetOffset(spec);
  if (rows < spec.length + o) {
    const need =
      o === 0
        ? `A window of ${plural(spec.length, 'step')} needs at least ${formatCount(spec.length)} rows`
        : `A window of ${plural(spec.length, 'step')} plus a horizon of ${plural(o, 'step')} needs at least ${formatCount(spec.length + o)} rows`;
    const fix = ctx.fix ?? (o === 0 ? 'shorten the window' : 'shorten the window or the horizon');
    return fail(`${need}, but ${ctx.what ?? 'the series'} has ${formatCount(rows)}; ${fix}.`);
  }
  return ok(windowCount(rows, spec));
}

export interface Windows {
  /** Row-major [N, T, F]. */
  x: Float32Array;
  xShape: [number, number, number];
  /** One target value per window (a label code in classify mode). */
  y: Float64Array;
  /** First row of each window. */
  starts: Int32Array;
}

export const tooManyValues = (values: number): string =>
  `These windows hold ${formatCount(values)} values, more than the ${formatCount(MAX_WINDOW_VALUES)} ` +
  'a browser tab holds comfortably; raise the stride, shorten the window or use fewer features.';

/**
 * Copies `span` consecutive rows from each start into a row-major [N, span, F] array (span 1
 * gives a plain [N, F] table). Float64 columns in, Float32 out: tfjs trains in float32, and
 * scaling happens before this, while the values still have full precision.
 */
export function gatherRows(
  columns: readonly ArrayLike<number>[],
  starts: ArrayLike<number>,
  span: number,
): Float32Array {
  const f = columns.length;
  const x = new Float32Array(starts.length * span * f);
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k] as number;
    for (let step = 0; step < span; step++) {
      const base = (k * span + step) * f;
      for (let j = 0; j < f; j++)
        x[base + j] = (columns[j] as ArrayLike<number>)[start + step] as number;
    }
  }
  return x;
}

/**
 * Cuts windows from rows [from, to) of the feature columns; targets come from the same range,
 * so a chronological split can window each part alone and never look across the cut.
 */
export function makeWindows(
  features: readonly ArrayLike<number>[],
  target: ArrayLike<number>,
  spec: WindowSpec,
  range: RowsContext & { from?: number; to?: number } = {},
): Result<Windows> {
  const from = range.from ?? 0;
  const checked = checkWindowing((range.to ?? target.length) - from, spec, range);
  if (!checked.ok) return checked;
  const n = checked.value;
  const t = spec.length;
  if (n * t * features.length > MAX_WINDOW_VALUES)
    return fail(tooManyValues(n * t * features.length));
  const starts = new Int32Array(n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const w = windowAt(k, spec, from);
    starts[k] = w.start;
    y[k] = target[w.target] as number;
  }
  const x = gatherRows(features, starts, t);
  return ok({ x, xShape: [n, t, features.length], y, starts });
}

/** A few sentences for the windowing wizard, numbers included; steps count from 0. */
export function describeWindowing(
  spec: WindowSpec,
  opts: { rows?: number; targetName?: string } = {},
): string {
  const name = opts.targetName ? `'${opts.targetName}'` : 'the target';
  const t = spec.length;
  const ks = spec.stride === 1 ? 'k' : `${spec.stride}k`;
  const shape =
    `Each window holds ${plural(t, 'consecutive step')} (sequence_length = ${t}); ` +
    `a new window starts every ${plural(spec.stride, 'step')} (sequence_stride = ${spec.stride}), ` +
    `so window k (counting from 0) covers steps ${ks} to ${ks} + ${t - 1}.`;
  const target =
    spec.mode === 'forecast'
      ? ` Its target is ${name} ${plural(spec.horizon, 'step')} after the window's last step, ` +
        `at step ${ks} + ${t - 1 + spec.horizon}.`
      : ` Its target is the class in ${name} at the window's last step, step ${ks} + ${t - 1}.`;
  if (opts.rows === undefined) return shape + target;
  const n = checkWindowing(opts.rows, spec);
  const count = n.ok
    ? ` ${formatCount(opts.rows)} rows give ${plural(n.value, 'window')}.`
    : ` ${n.reason}`;
  return shape + target + count;
}
