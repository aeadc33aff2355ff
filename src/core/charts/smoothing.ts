/**
 * TensorBoard's scalar smoothing: an exponential moving average whose start is debiased, so
 * the first points are not dragged towards zero. weight 0 leaves the values as they are;
 * weight near 1 smooths hard. A non-finite value is passed through and does not poison the
 * average that follows (a diverged batch stays visible as a gap, not as a flat NaN tail).
 */
export function smoothEma(values: ArrayLike<number>, weight: number): Float64Array {
  const w = Math.min(Math.max(weight, 0), 0.999);
  const out = Float64Array.from(values);
  if (w === 0) return out;
  let last = 0;
  let bias = 1;
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as number;
    if (!Number.isFinite(v)) continue;
    last = last * w + (1 - w) * v;
    bias *= w;
    out[i] = last / (1 - bias);
  }
  return out;
}
