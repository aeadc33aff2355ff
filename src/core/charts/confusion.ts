/**
 * Classification read-outs from probe predictions: the class each output picks, the class
 * each label names, and the confusion matrix with per-class accuracy (recall).
 */

/** One sigmoid unit: class 1 when p ≥ 0.5; several units: the largest (argmax). */
export function predictedClasses(
  values: ArrayLike<number>,
  count: number,
  units: number,
): number[] {
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    if (units === 1) {
      out[i] = (values[i] as number) >= 0.5 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let u = 1; u < units; u++) {
      if ((values[i * units + u] as number) > (values[i * units + best] as number)) best = u;
    }
    out[i] = best;
  }
  return out;
}

/**
 * Labels of samples [first, first + count) from y: one column holds the class index (binary
 * 0/1 or sparse labels), several columns are one-hot.
 */
export function labelClasses(
  y: ArrayLike<number>,
  yShape: readonly number[],
  first: number,
  count: number,
): number[] {
  const width = yShape[1] ?? 1;
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const row = (first + i) * width;
    if (width === 1) {
      out[i] = Math.round(y[row] as number);
      continue;
    }
    let best = 0;
    for (let u = 1; u < width; u++) {
      if ((y[row + u] as number) > (y[row + best] as number)) best = u;
    }
    out[i] = best;
  }
  return out;
}

export interface Confusion {
  /** matrix[actual][predicted] = samples. */
  matrix: number[][];
  /** Per actual class: share predicted right (null when the class has no samples). */
  perClass: { total: number; correct: number; accuracy: number | null }[];
  accuracy: number | null;
  total: number;
}

export function confusionMatrix(
  actual: readonly number[],
  predicted: readonly number[],
  classes: number,
): Confusion {
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let total = 0;
  let correct = 0;
  const n = Math.min(actual.length, predicted.length);
  for (let i = 0; i < n; i++) {
    const a = actual[i] as number;
    const p = predicted[i] as number;
    const row = matrix[a];
    if (!row || p < 0 || p >= classes) continue;
    row[p] = (row[p] ?? 0) + 1;
    total++;
    if (a === p) correct++;
  }
  const perClass = matrix.map((row, c) => {
    const sum = row.reduce((x, y) => x + y, 0);
    const right = row[c] ?? 0;
    return { total: sum, correct: right, accuracy: sum > 0 ? right / sum : null };
  });
  return { matrix, perClass, accuracy: total > 0 ? correct / total : null, total };
}
