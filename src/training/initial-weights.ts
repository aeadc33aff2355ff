import * as tf from '@tensorflow/tfjs';
import type { ImportedWeights } from '../core/export/weights-manifest';

const shown = (shape: readonly (number | null)[]) => `[${shape.join(', ')}]`;

/**
 * Which file entry each of the model's weights takes. By name when every weight's name
 * ("layer/weight") is in the file once: Keras writes a layer's weights together, tfjs writes all
 * trainable weights before the non-trainable ones (BatchNormalization's moving statistics), so
 * the same names come in another order. By position otherwise (renamed layers).
 */
function matchWeights(targets: readonly tf.LayerVariable[], w: ImportedWeights): number[] {
  const at = new Map<string, number>();
  const repeated = new Set<string>();
  w.specs.forEach((s, i) => (at.has(s.name) ? repeated.add(s.name) : at.set(s.name, i)));
  const names = targets.map((t) => t.originalName || t.name);
  const byName = names.every((n) => at.has(n) && !repeated.has(n));
  return byName ? names.map((n) => at.get(n) ?? -1) : targets.map((_, i) => i);
}

/**
 * Loads imported weights into a freshly built model, matched by name or else by position
 * (matchWeights). Returns why not when they do not fit; the model is then unchanged.
 */
export function applyInitialWeights(model: tf.LayersModel, w: ImportedWeights): string | null {
  const targets = model.weights;
  if (targets.length !== w.specs.length) {
    const arrays = (n: number) => `${n} weight array${n === 1 ? '' : 's'}`;
    return `the file holds ${arrays(w.specs.length)} and the model has ${targets.length}`;
  }
  const order = matchWeights(targets, w);
  for (const [i, t] of targets.entries()) {
    const spec = w.specs[order[i] ?? i];
    if (!spec) continue;
    const want = t.shape;
    if (want.length !== spec.shape.length || want.some((d, k) => d !== spec.shape[k])) {
      // originalName is the layer's own ("dense/kernel"), before tfjs makes names unique.
      const name = t.originalName || t.name;
      return `'${spec.name}' has shape ${shown(spec.shape)}, but '${name}' needs ${shown(want)}`;
    }
  }
  // The file's arrays in its own order, then handed to the model in the model's.
  const values = new Float32Array(w.data);
  let at = 0;
  const tensors = w.specs.map((s) => {
    const size = s.shape.reduce((a, b) => a * b, 1);
    const t = tf.tensor(values.subarray(at, at + size), s.shape, 'float32');
    at += size;
    return t;
  });
  try {
    model.setWeights(order.map((k) => tensors[k] as tf.Tensor));
  } finally {
    tf.dispose(tensors);
  }
  return null;
}
