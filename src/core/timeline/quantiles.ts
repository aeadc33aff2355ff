/** Linear-interpolated quantiles (numpy's default) of the finite values; NaN when none are. */
export function quantiles(values: ArrayLike<number>, qs: readonly number[]): number[] {
  const sorted = Float64Array.from(
    Array.prototype.filter.call(values, Number.isFinite) as number[],
  ).sort();
  const n = sorted.length;
  return qs.map((q) => {
    if (n === 0) return NaN;
    const at = Math.min(1, Math.max(0, q)) * (n - 1);
    const lo = Math.floor(at);
    const hi = Math.min(n - 1, lo + 1);
    const a = sorted[lo] as number;
    return a + ((sorted[hi] as number) - a) * (at - lo);
  });
}

export function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { mean: 0, std: 0 };
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) sq += (v - mean) * (v - mean);
  }
  return { mean, std: Math.sqrt(sq / n) };
}
