/**
 * Two-component PCA of n samples from their Gram matrix X·Xᵀ (n × n, row-major), so the wide
 * side (a layer's width, up to tens of thousands of values a sample) stays on the tfjs backend
 * as one matmul and JavaScript only handles n ≤ 256. Centring is done here: the Gram of the
 * centred data is H·G·H with H = I − 11ᵀ/n.
 */
export interface Projection {
  /** x0, y0, x1, y1, … : the samples' scores on the first two principal axes. */
  points: Float64Array;
  /** Share of the total variance along each axis. */
  explained: [number, number];
}

export function centreGram(gram: ArrayLike<number>, n: number): Float64Array {
  const rowMean = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += gram[i * n + j] as number;
    rowMean[i] = s / n;
    total += s;
  }
  total /= n * n;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      out[i * n + j] = (gram[i * n + j] as number) - rowMean[i]! - rowMean[j]! + total;
  return out;
}

/** A fixed, uneven start: an all-ones start is orthogonal to every centred eigenvector. */
const defaultStart = (n: number) =>
  Float64Array.from({ length: n }, (_, i) => 1 + ((i * 7919) % 13) / 13);

/**
 * Converged when the eigenvalue moves less than this, relatively: far below what a 2-D picture
 * shows, and reached in a few dozen turns rather than hundreds at the old 1e-12.
 */
const TOLERANCE = 1e-9;

/**
 * The largest eigenpair of a symmetric positive semi-definite matrix, by power iteration from
 * `start` (the last epoch's axis converges in a few turns: the picture moves little per epoch).
 */
function topEigen(
  m: Float64Array,
  n: number,
  iterations: number,
  start: Float64Array | null,
): { value: number; vector: Float64Array } {
  let v = start && start.some((x) => x !== 0) ? start : defaultStart(n);
  let value = 0;
  for (let it = 0; it < iterations; it++) {
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += m[i * n + j]! * v[j]!;
      w[i] = s;
    }
    const norm = Math.hypot(...w);
    if (norm === 0) return { value: 0, vector: new Float64Array(n) };
    for (let i = 0; i < n; i++) w[i]! /= norm;
    const converged = Math.abs(norm - value) <= TOLERANCE * Math.max(1, norm);
    value = norm;
    v = w;
    if (converged) break;
  }
  return { value, vector: v };
}

/** Each axis' scores in `points` (x0, y0, x1, y1, …), as a start for that axis; null if none. */
function axisOf(points: ArrayLike<number> | null, n: number, axis: number): Float64Array | null {
  if (!points || points.length !== 2 * n) return null;
  return Float64Array.from({ length: n }, (_, i) => points[2 * i + axis] as number);
}

/**
 * `previous`: the same samples' projection at the last snapshot, if any; only a starting point,
 * so the answer is the same without it (to the tolerance), just reached sooner.
 */
export function pcaFromGram(
  gram: ArrayLike<number>,
  n: number,
  iterations = 500,
  previous: ArrayLike<number> | null = null,
): Projection {
  const g = centreGram(gram, n);
  let trace = 0;
  for (let i = 0; i < n; i++) trace += g[i * n + i]!;
  const first = topEigen(g, n, iterations, axisOf(previous, n, 0));
  // Deflate: what is left once the first axis is taken out.
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) g[i * n + j]! -= first.value * first.vector[i]! * first.vector[j]!;
  const second = topEigen(g, n, iterations, axisOf(previous, n, 1));
  const points = new Float64Array(2 * n);
  const s1 = Math.sqrt(Math.max(0, first.value));
  const s2 = Math.sqrt(Math.max(0, second.value));
  for (let i = 0; i < n; i++) {
    points[2 * i] = first.vector[i]! * s1;
    points[2 * i + 1] = second.vector[i]! * s2;
  }
  const share = (v: number) => (trace > 0 ? Math.max(0, v) / trace : 0);
  return { points, explained: [share(first.value), share(second.value)] };
}

/**
 * An axis' sign is arbitrary: flips each axis of `next` to agree with `previous` (same samples),
 * so scrubbing through epochs does not mirror the picture back and forth.
 */
export function alignSigns(previous: ArrayLike<number> | null, next: Float64Array): Float64Array {
  if (!previous || previous.length !== next.length) return next;
  for (let axis = 0; axis < 2; axis++) {
    let dot = 0;
    for (let i = axis; i < next.length; i += 2) dot += (previous[i] as number) * next[i]!;
    if (dot < 0) for (let i = axis; i < next.length; i += 2) next[i] = -next[i]!;
  }
  return next;
}
