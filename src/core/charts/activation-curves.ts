import { activationRows, linspace, type ExplorerRow } from './activation-series';
import type { ExplorerId } from './explorer-catalog';

/**
 * f(x) and f′(x) for the activation explorer in closed form, so the page never loads tfjs to
 * draw a curve. Each definition follows tfjs 4.22 (what the model trains with), down to the
 * one-sided derivative it takes at a kink; src/training/activation-parity.test.ts compares
 * every entry with tfjs on a grid, so the two cannot drift apart.
 */

/** tfjs-core's SELU constants (Klambauer et al. 2017), scale·alpha kept as tfjs writes it. */
export const SELU_SCALE = 1.0507009873554805;
export const SELU_SCALE_ALPHA = 1.7580993408473768;
/** tfjs-layers' hard sigmoid: clip(0.2 · x + 0.5, 0, 1) (Keras 3 uses 1/6 and 0.5). */
export const HARD_SIGMOID_SLOPE = 0.2;
export const HARD_SIGMOID_OFFSET = 0.5;

/** A value and its derivative at one point. */
type Curve = (x: number, alpha: number) => readonly [number, number];

/** Written so that exp never overflows for large |x|. */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * Abramowitz & Stegun 7.1.26 (error below 1.5e-7): the approximation tfjs's erf kernel uses,
 * so GELU agrees with it beyond plotting precision.
 */
function erf(x: number): number {
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return Math.sign(x) * (1 - poly * Math.exp(-a * a));
}

const INV_SQRT_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Negative side scaled by alpha; at 0 tfjs takes the left-hand slope. */
const leaky: Curve = (x, alpha) => (x > 0 ? [x, 1] : [alpha * x, alpha]);

const logistic: Curve = (x) => {
  const s = sigmoid(x);
  return [s, s * (1 - s)];
};

const CURVES: Record<ExplorerId, Curve> = {
  linear: (x) => [x, 1],
  // tfjs's ReLU gradient is step(x): 0 at x = 0.
  relu: (x) => [Math.max(0, x), x > 0 ? 1 : 0],
  relu6: (x) => [Math.min(Math.max(0, x), 6), x > 0 && x < 6 ? 1 : 0],
  elu: (x, alpha) => (x > 0 ? [x, 1] : [alpha * Math.expm1(x), alpha * Math.exp(x)]),
  selu: (x) =>
    x > 0
      ? [SELU_SCALE * x, SELU_SCALE]
      : [SELU_SCALE_ALPHA * Math.expm1(x), SELU_SCALE_ALPHA * Math.exp(x)],
  sigmoid: logistic,
  hard_sigmoid: (x) => {
    const u = HARD_SIGMOID_SLOPE * x + HARD_SIGMOID_OFFSET;
    // Clipping passes the gradient through at both ends inclusive, as tfjs's clipByValue does.
    return [Math.min(Math.max(u, 0), 1), u >= 0 && u <= 1 ? HARD_SIGMOID_SLOPE : 0];
  },
  tanh: (x) => {
    const t = Math.tanh(x);
    return [t, 1 - t * t];
  },
  // Softmax of the vector (x, 0), first output: exactly the logistic sigmoid of x.
  softmax: logistic,
  softplus: (x) => [softplus(x), sigmoid(x)],
  softsign: (x) => {
    const d = 1 + Math.abs(x);
    return [x / d, 1 / (d * d)];
  },
  swish: (x) => {
    const s = sigmoid(x);
    return [x * s, s + x * s * (1 - s)];
  },
  mish: (x) => {
    const t = Math.tanh(softplus(x));
    return [x * t, t + x * (1 - t * t) * sigmoid(x)];
  },
  // tfjs differentiates its approximate erf with the exact Gaussian density, and so does this.
  gelu: (x) => {
    const cdf = 0.5 * (1 + erf(x * INV_SQRT_2));
    return [x * cdf, cdf + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x)];
  },
  leaky_relu: leaky,
  prelu: leaky,
};

export interface ActivationValues {
  y: Float64Array;
  dy: Float64Array;
}

/** f and f′ at each x; `alpha` is read only by the entries that have one (ELU, LeakyReLU, PReLU). */
export function activationValues(
  id: ExplorerId,
  xs: ArrayLike<number>,
  alpha = 0,
): ActivationValues {
  const curve = CURVES[id];
  const y = new Float64Array(xs.length);
  const dy = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const [f, df] = curve(xs[i] as number, alpha);
    y[i] = f;
    dy[i] = df;
  }
  return { y, dy };
}

/** The explorer's chart rows for one activation over [from, to]. */
export function explorerRows(
  id: ExplorerId,
  alpha: number,
  from: number,
  to: number,
): ExplorerRow[] {
  const xs = linspace(from, to);
  const { y, dy } = activationValues(id, xs, alpha);
  return activationRows(xs, y, dy);
}
