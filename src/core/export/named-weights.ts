import type { ImportedWeights } from './weights-manifest';

/** One float32 weight: its shape and its values, row-major as tfjs and Keras keep them. */
export interface Tensor32 {
  shape: number[];
  values: Float32Array;
}

/** Trained weights by their tfjs/Keras name, "layer/weight" (e.g. "lstm/recurrent_kernel"). */
export type NamedWeights = ReadonlyMap<string, Tensor32>;

/** Splits assembled weights (manifest order) into named tensors; the values are copies. */
export function namedWeights(w: ImportedWeights): NamedWeights {
  const all = new Float32Array(w.data);
  const out = new Map<string, Tensor32>();
  let at = 0;
  for (const spec of w.specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    out.set(spec.name, { shape: [...spec.shape], values: all.slice(at, at + count) });
    at += count;
  }
  return out;
}

/**
 * Why an export cannot go on: thrown deep inside a writer, caught by the export's entry point
 * and returned as a Result, so a user-facing reason never surfaces as a stack trace.
 */
export class ExportRefusal extends Error {}

const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** The weight a layer needs, or a refusal saying the weights are not this model's. */
export function takeWeight(
  weights: NamedWeights,
  layer: string,
  key: string,
  shape: readonly number[],
): Tensor32 {
  const name = `${layer}/${key}`;
  const found = weights.get(name);
  const want = `[${shape.join(', ')}]`;
  if (!found) {
    throw new ExportRefusal(
      `The trained weights have no '${name}' (${want}): the model changed since it was trained; train it again, then export.`,
    );
  }
  if (!sameShape(found.shape, shape)) {
    throw new ExportRefusal(
      `The trained weight '${name}' has shape [${found.shape.join(', ')}], the model needs ${want}: train the model again, then export.`,
    );
  }
  return found;
}

/** A 2-D row-major matrix transposed. */
export function transpose2d(t: Tensor32): Tensor32 {
  const [rows = 0, cols = 0] = t.shape;
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out[c * rows + r] = t.values[r * cols + c] ?? 0;
  return { shape: [cols, rows], values: out };
}

/** Any row-major tensor with its axes permuted (out axis i is input axis perm[i]). */
export function permute(t: Tensor32, perm: readonly number[]): Tensor32 {
  const shape = perm.map((p) => t.shape[p] ?? 1);
  const inStrides = t.shape.map((_, i) => t.shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const out = new Float32Array(t.values.length);
  const index = new Array<number>(shape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let i = 0; i < shape.length; i++) src += (index[i] ?? 0) * (inStrides[perm[i] ?? 0] ?? 0);
    out[o] = t.values[src] ?? 0;
    for (let i = shape.length - 1; i >= 0; i--) {
      index[i] = (index[i] ?? 0) + 1;
      if ((index[i] ?? 0) < (shape[i] ?? 1)) break;
      index[i] = 0;
    }
  }
  return { shape, values: out };
}
