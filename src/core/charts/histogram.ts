/**
 * Turning a probe histogram ({ min, max, counts }, bin i covering [min + i·w, min + (i+1)·w))
 * into bars, and naming the share of outputs that stopped learning for the layer's activation.
 */
export interface HistogramLike {
  min: number;
  max: number;
  counts: readonly number[];
}

export interface Bar {
  from: number;
  to: number;
  mid: number;
  count: number;
  /** count / total, 0 when the histogram is empty. */
  share: number;
}

export function histogramBars(h: HistogramLike): Bar[] {
  const bins = h.counts.length;
  const total = h.counts.reduce((a, b) => a + b, 0);
  // A constant layer has min === max: give its single spike a visible width around the value.
  const span = h.max - h.min;
  const lo = span > 0 ? h.min : h.min - 0.5;
  const width = (span > 0 ? span : 1) / Math.max(1, bins);
  return h.counts.map((count, i) => {
    const from = lo + i * width;
    const to = from + width;
    return { from, to, mid: (from + to) / 2, count, share: total > 0 ? count / total : 0 };
  });
}

/** The activations whose zero outputs carry no gradient (a ReLU that is 0 is "dead" there). */
const ZERO_IS_DEAD = new Set(['relu', 'relu6']);
/** Activations with flat ends where the gradient vanishes. */
const SATURATING = new Set(['sigmoid', 'hard_sigmoid', 'softmax', 'tanh', 'softsign', 'relu6']);

export interface UnitHealth {
  label: string;
  share: number;
  /** Worth a warning: most of the layer no longer learns. */
  alarming: boolean;
}

/**
 * The one share worth showing beside a layer's histogram: zeros for ReLU layers, saturated
 * outputs for bounded activations, nothing for the others.
 */
export function unitHealth(
  activation: string | null,
  stats: { zeroShare: number; saturatedShare: number | null },
): UnitHealth | null {
  if (activation !== null && ZERO_IS_DEAD.has(activation)) {
    return { label: 'Zero (dead ReLU)', share: stats.zeroShare, alarming: stats.zeroShare > 0.5 };
  }
  if (activation !== null && SATURATING.has(activation) && stats.saturatedShare !== null) {
    const share = stats.saturatedShare;
    return { label: 'Saturated', share, alarming: share > 0.5 };
  }
  return null;
}
