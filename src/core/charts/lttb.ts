/**
 * Largest-triangle-three-buckets (Steinarsson, 2013): keeps the first and last point and, from
 * each bucket in between, the point that spans the largest triangle with the point kept before
 * it and the mean of the next bucket. Peaks and dips survive, so 100 000 batches draw as
 * quickly as a few hundred and still look like themselves. O(n), no allocation per point.
 */
export interface XY {
  x: number;
  y: number;
}

/** Indices of the kept points, increasing; every index when there are `threshold` or fewer. */
export function lttbIndices(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  threshold: number,
): number[] {
  const n = Math.min(xs.length, ys.length);
  const keep = Math.max(0, Math.floor(threshold));
  if (keep >= n || n <= 2) return Array.from({ length: n }, (_, i) => i);
  if (keep === 0) return [];
  if (keep === 1) return [n - 1];
  if (keep === 2) return [0, n - 1];
  const out = [0];
  // Buckets cover the points between the fixed first and last ones.
  const size = (n - 2) / (keep - 2);
  let a = 0;
  for (let b = 0; b < keep - 2; b++) {
    const start = Math.floor(b * size) + 1;
    const end = Math.min(n - 1, Math.floor((b + 1) * size) + 1);
    const nextEnd = Math.min(n, Math.floor((b + 2) * size) + 1);
    let meanX = 0;
    let meanY = 0;
    const nextStart = end;
    const count = Math.max(1, nextEnd - nextStart);
    for (let i = nextStart; i < nextStart + count && i < n; i++) {
      meanX += xs[i] as number;
      meanY += ys[i] as number;
    }
    meanX /= count;
    meanY /= count;
    const ax = xs[a] as number;
    const ay = ys[a] as number;
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      const area = Math.abs(
        (ax - meanX) * ((ys[i] as number) - ay) - (ax - (xs[i] as number)) * (meanY - ay),
      );
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    out.push(best);
    a = best;
  }
  out.push(n - 1);
  return out;
}

/** LTTB on points; points with a non-finite coordinate are left out (they cannot be drawn). */
export function lttb<T extends XY>(points: readonly T[], threshold: number): T[] {
  const finite = points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    ? points
    : points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (finite.length <= threshold) return finite.slice();
  const xs = finite.map((p) => p.x);
  const ys = finite.map((p) => p.y);
  return lttbIndices(xs, ys, threshold).map((i) => finite[i] as T);
}
