import { niceTicks } from './scale';
import type { Row } from './series';

/**
 * Axis domains and ticks computed once here, so the chart library does not redo its own
 * (arbitrary-precision) nice-tick search on every live redraw.
 */
export interface AxisSpec {
  domain: [number, number];
  ticks: number[];
}

/** Smallest and largest finite value of the given keys over the rows (positive only for log). */
export function rowsExtent(
  rows: readonly Row[],
  keys: readonly string[],
  positiveOnly = false,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of rows) {
    for (const k of keys) {
      const v = row[k];
      if (v === undefined || !Number.isFinite(v) || (positiveOnly && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** A value axis: the extent widened to round ticks. */
export function valueAxis(extent: [number, number] | null, count = 5): AxisSpec {
  if (!extent) return { domain: [0, 1], ticks: [0, 0.5, 1] };
  let [lo, hi] = extent;
  if (lo === hi) [lo, hi] = lo === 0 ? [-1, 1] : [lo - Math.abs(lo) / 2, hi + Math.abs(hi) / 2];
  const rough = niceTicks(lo, hi, count);
  const step = rough.length > 1 ? (rough[1] as number) - (rough[0] as number) : hi - lo;
  const domain: [number, number] = [
    Number((Math.floor(lo / step) * step).toPrecision(12)),
    Number((Math.ceil(hi / step) * step).toPrecision(12)),
  ];
  return { domain, ticks: niceTicks(domain[0], domain[1], count) };
}

/** A log axis: whole decades, with 2 and 5 between them when the range is short. */
export function logAxis(extent: [number, number] | null): AxisSpec {
  if (!extent) return { domain: [0.1, 1], ticks: [0.1, 1] };
  const lo = Math.floor(Math.log10(extent[0]));
  let hi = Math.ceil(Math.log10(extent[1]));
  if (hi === lo) hi = lo + 1;
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) {
    const decade = 10 ** e;
    ticks.push(Number(decade.toPrecision(12)));
    if (hi - lo <= 2 && e < hi)
      ticks.push(Number((2 * decade).toPrecision(12)), Number((5 * decade).toPrecision(12)));
  }
  return { domain: [10 ** lo, 10 ** hi], ticks };
}

/** The x axis: exactly the data's range, ticks at round values (whole ones for steps). */
export function stepAxis(
  extent: [number, number] | null,
  wholeNumbers: boolean,
  count = 6,
): AxisSpec {
  if (!extent) return { domain: [0, 1], ticks: [0, 1] };
  const [lo, hi] = extent;
  if (lo === hi) return { domain: [lo - 1, hi + 1], ticks: [lo] };
  const ticks = niceTicks(lo, hi, count).filter((t) => !wholeNumbers || Number.isInteger(t));
  return { domain: [lo, hi], ticks: ticks.length > 0 ? ticks : [lo, hi] };
}
