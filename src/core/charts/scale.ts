/** Minimal scales and ticks for the hand-drawn SVG charts (heatmaps, pooling windows). */
export type Scale = (v: number) => number;

export function linearScale(d0: number, d1: number, r0: number, r1: number): Scale {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** Log10 mapping of a positive domain; values ≤ 0 land below the range's start. */
export function logScale(d0: number, d1: number, r0: number, r1: number): Scale {
  const l0 = Math.log10(d0);
  const span = Math.log10(d1) - l0 || 1;
  return (v) => (v > 0 ? r0 + ((Math.log10(v) - l0) / span) * (r1 - r0) : r0);
}

/** Index of the row whose x is nearest to `x` (rows sorted by x); -1 when there are none. */
export function nearestIndex(xs: readonly { x: number }[], x: number): number {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as { x: number }).x < x) lo = mid + 1;
    else hi = mid;
  }
  const prev = xs[lo - 1];
  return prev && x - prev.x < (xs[lo] as { x: number }).x - x ? lo - 1 : lo;
}

/** About `count` round tick values within [lo, hi], 1, 2 or 5 × a power of ten apart (as d3). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi <= lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  const step = power * (ratio >= 7.07 ? 10 : ratio >= 3.16 ? 5 : ratio >= 1.41 ? 2 : 1);
  const first = Math.ceil(lo / step) * step;
  // A range about one ulp wide gives a step below the values' precision: v += step would never
  // advance. Index-based ticks with a hard cap cannot loop forever.
  if (first + step === first) return [lo];
  const out: number[] = [];
  for (let i = 0; i <= count * 10; i++) {
    const v = first + i * step;
    if (v > hi + step * 1e-9) break;
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

/** [min, max] of finite values; [0, 1] when there are none, widened when flat. */
export function extent(...lists: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of lists) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return [0, 1];
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

/** Channel `c` of a row-major [positions, channels] array. */
export function channel(values: ArrayLike<number>, channels: number, c: number): number[] {
  const n = Math.floor(values.length / Math.max(1, channels));
  return Array.from({ length: n }, (_, i) => values[i * channels + c] as number);
}

/** An SVG path through the rows that have `key`, skipping rows without it (gaps are joined). */
export function linePath(
  rows: readonly ({ x: number } & Partial<Record<string, number>>)[],
  key: string,
  x: Scale,
  y: Scale,
): string {
  let d = '';
  for (const row of rows) {
    const v = row[key];
    if (v === undefined || !Number.isFinite(v)) continue;
    d += `${d === '' ? 'M' : 'L'}${x(row.x).toFixed(1)},${y(v).toFixed(1)}`;
  }
  return d;
}
