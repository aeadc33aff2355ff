import type { Result } from '../result';

/**
 * Reading a model's outputs for one sample in the data's terms, and moving one sample between
 * the units the user sees (the CSV's) and the scaled values the model reads.
 */

export interface ClassReading {
  /** One probability per class, in classNames order; they add up to 1. */
  probabilities: number[];
  /** Index of the most probable class. */
  best: number;
  /** Said under the bars when the outputs were not probabilities already. */
  note: string | null;
}

const softmax = (v: readonly number[]) => {
  const m = Math.max(...v);
  const e = v.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};

/**
 * One sigmoid unit for two classes is P(second class); k units for k classes are read as
 * probabilities when they are (softmax), else passed through softmax first and said so.
 */
export function readClasses(outputs: readonly number[], classCount: number): Result<ClassReading> {
  let probabilities: number[];
  let note: string | null = null;
  if (outputs.length === 1 && classCount === 2) {
    const p = outputs[0] as number;
    if (p < 0 || p > 1) {
      return {
        ok: false,
        reason: `The model's one output is ${p.toFixed(3)}, not a probability: end it with Dense(1, sigmoid).`,
      };
    }
    probabilities = [1 - p, p];
  } else if (outputs.length === classCount) {
    const total = outputs.reduce((a, b) => a + b, 0);
    const isDistribution = outputs.every((p) => p >= 0) && Math.abs(total - 1) < 1e-3;
    probabilities = isDistribution ? outputs.map((p) => p / total) : softmax(outputs);
    if (!isDistribution) note = 'The outputs are not probabilities; shown through a softmax.';
  } else {
    return {
      ok: false,
      reason: `The model has ${outputs.length} output units but the data has ${classCount} classes: set the last Dense's units to ${classCount}.`,
    };
  }
  if (probabilities.some((p) => !Number.isFinite(p))) {
    return { ok: false, reason: 'The model outputs NaN or infinity: it has diverged.' };
  }
  const best = probabilities.indexOf(Math.max(...probabilities));
  return { ok: true, value: { probabilities, best, note } };
}

/** A regression output back in the target's units (the preparation scaled the targets). */
export const readValue = (output: number, target: { offset: number; scale: number }): number =>
  output * target.scale + target.offset;

export interface Scaling {
  kind: string;
  offset: number[];
  scale: number[];
}

/** One row of the prepared x back in the data's units: x · scale + offset, feature by feature. */
export function rawFeatures(x: Float32Array, index: number, scaling: Scaling): number[] {
  const f = scaling.offset.length;
  return Array.from(x.subarray(index * f, (index + 1) * f), (v, j) =>
    scaling.kind === 'none' ? v : v * (scaling.scale[j] as number) + (scaling.offset[j] as number),
  );
}

/** Feature values in the data's units → what the model reads, as the preparation scales them. */
export function scaledFeatures(values: readonly number[], scaling: Scaling): Float32Array {
  return Float32Array.from(values, (v, j) =>
    scaling.kind === 'none' ? v : (v - (scaling.offset[j] ?? 0)) / (scaling.scale[j] ?? 1),
  );
}

/** "7 (84%)": the class and its probability, rounded for reading. */
export const describeClass = (name: string, p: number): string =>
  `${name} (${Math.round(p * 100)}%)`;
