import { formatShare } from '../../../core/charts/format';

/**
 * Which probed validation samples the model gets wrong (or, for a confusion cell, exactly the
 * samples in that cell), each with its true class, predicted class and confidence. Pure: the
 * gallery and the confusion matrix read the same predictions, so their counts agree.
 */

export interface Verdict {
  /** Position in the probe's predictions; the sample is firstSample + index in the data. */
  index: number;
  actual: number;
  predicted: number;
  /** The model's probability for the class it picked, 0–1; null when the output is not finite. */
  confidence: number | null;
}

/** A confusion cell: true class `actual`, predicted `predicted`; null shows all mistakes. */
export type CellFilter = { actual: number; predicted: number } | null;

const isProbability = (v: number) => v >= 0 && v <= 1;

/**
 * One sigmoid unit: the probability of the side it picked (p for class 1, 1 − p for class 0).
 * Several units: the picked unit's output when the row holds probabilities (softmax, or
 * independent sigmoids), else — a linear output giving logits — its softmax probability.
 */
export function confidenceOf(row: ArrayLike<number>, predicted: number): number | null {
  const n = row.length;
  for (let u = 0; u < n; u++) if (!Number.isFinite(row[u] as number)) return null;
  if (n === 1) {
    const p = Math.min(1, Math.max(0, row[0] as number));
    return predicted === 1 ? p : 1 - p;
  }
  const picked = row[predicted] as number;
  let probabilities = true;
  let max = -Infinity;
  for (let u = 0; u < n; u++) {
    const v = row[u] as number;
    if (!isProbability(v)) probabilities = false;
    max = Math.max(max, v);
  }
  if (probabilities) return picked;
  let sum = 0;
  for (let u = 0; u < n; u++) sum += Math.exp((row[u] as number) - max);
  return Math.exp(picked - max) / sum;
}

/**
 * A verdict per probed sample that the confusion matrix counts: samples whose true or
 * predicted class lies outside [0, classes) are left out there, so they are here too.
 */
export function verdicts(
  values: ArrayLike<number>,
  units: number,
  actual: readonly number[],
  predicted: readonly number[],
  classes: number,
): Verdict[] {
  const out: Verdict[] = [];
  const n = Math.min(actual.length, predicted.length);
  const row = new Array<number>(units);
  for (let i = 0; i < n; i++) {
    const a = actual[i] as number;
    const p = predicted[i] as number;
    if (a < 0 || a >= classes || p < 0 || p >= classes) continue;
    for (let u = 0; u < units; u++) row[u] = values[i * units + u] as number;
    out.push({ index: i, actual: a, predicted: p, confidence: confidenceOf(row, p) });
  }
  return out;
}

/** Unknown confidence sorts after every known one, whichever way the rest goes. */
const byConfidence = (dir: 1 | -1) => (x: Verdict, y: Verdict) => {
  if (x.confidence === null || y.confidence === null) {
    if (x.confidence !== y.confidence) return x.confidence === null ? 1 : -1;
  } else if (x.confidence !== y.confidence) {
    return dir * (x.confidence - y.confidence);
  }
  return x.index - y.index;
};

/**
 * The samples a gallery shows. Mistakes (all, or one off-diagonal cell): most confident first,
 * since a confident mistake says more than a coin toss. A diagonal cell (the correct ones of a
 * class): least confident first, the near misses. Ties go by sample order.
 */
export function selectSamples(all: readonly Verdict[], filter: CellFilter): Verdict[] {
  const picked = all.filter((v) =>
    filter === null
      ? v.actual !== v.predicted
      : v.actual === filter.actual && v.predicted === filter.predicted,
  );
  const correct = filter !== null && filter.actual === filter.predicted;
  return picked.sort(byConfidence(correct ? 1 : -1));
}

/** How many of the verdicts are mistakes. */
export const mistakeCount = (all: readonly Verdict[]) =>
  all.reduce((n, v) => n + (v.actual !== v.predicted ? 1 : 0), 0);

export const samplesText = (n: number) => `${n} ${n === 1 ? 'sample' : 'samples'}`;

export const confidenceText = (v: Verdict) =>
  v.confidence === null ? '—' : formatShare(v.confidence);
