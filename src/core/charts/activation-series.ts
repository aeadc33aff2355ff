import { z } from 'zod';

/** The pure half of the activation explorer: sample points in, chart rows out. */
export const EXPLORER_POINTS = 401;
export const MAX_EXPLORER_RANGE = 50;
/** Either end of the plotted range. */
export const explorerEndSchema = z.number().min(-MAX_EXPLORER_RANGE).max(MAX_EXPLORER_RANGE);

/** `count` evenly spaced values from `from` to `to`, both included (0 is hit for ±r and odd counts). */
export function linspace(from: number, to: number, count = EXPLORER_POINTS): Float32Array {
  const n = Math.max(2, Math.floor(count));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = from + ((to - from) * i) / (n - 1);
  return out;
}

/** A type alias, not an interface, so rows fit the charts' Row type as they are. */
export type ExplorerRow = { x: number; f: number; df: number };

/** One row per sampled x; a row with a value that is not finite is left out (the chart cannot place it). */
export function activationRows(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  dys: ArrayLike<number>,
): ExplorerRow[] {
  const rows: ExplorerRow[] = [];
  const n = Math.min(xs.length, ys.length, dys.length);
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const f = ys[i] as number;
    const df = dys[i] as number;
    if (Number.isFinite(x) && Number.isFinite(f) && Number.isFinite(df)) rows.push({ x, f, df });
  }
  return rows;
}

/** A range the user typed, checked: from < to, both within ±MAX_EXPLORER_RANGE. */
export function checkRange(from: number, to: number): string | null {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 'Enter a number for both ends.';
  if (Math.abs(from) > MAX_EXPLORER_RANGE || Math.abs(to) > MAX_EXPLORER_RANGE) {
    return `Keep the range within ±${MAX_EXPLORER_RANGE}.`;
  }
  if (from >= to) return "'From' must be less than 'To'.";
  return null;
}
