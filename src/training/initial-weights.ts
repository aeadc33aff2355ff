import * as tf from '@tensorflow/tfjs';
import type { ImportedWeights } from '../core/export/weights-manifest';

const shown = (shape: readonly (number | null)[]) => `[${shape.join(', ')}]`;

/**
 * Loads imported weights into a freshly built model, in model.weights order (the order tfjs
 * and Keras write them). Returns why not when they do not fit; the model is then unchanged.
 */
export function applyInitialWeights(model: tf.LayersModel, w: ImportedWeights): string | null {
  const targets = model.weights;
  if (targets.length !== w.specs.length) {
    const arrays = (n: number) => `${n} weight array${n === 1 ? '' : 's'}`;
    return `the file holds ${arrays(w.specs.length)} and the model has ${targets.length}`;
  }
  for (const [i, t] of targets.entries()) {
    const spec = w.specs[i];
    if (!spec) continue;
    const want = t.shape;
    if (want.length !== spec.shape.length || want.some((d, k) => d !== spec.shape[k])) {
      // originalName is the layer's own ("dense/kernel"), before tfjs makes names unique.
      const name = t.originalName || t.name;
      return `'${spec.name}' has shape ${shown(spec.shape)}, but '${name}' needs ${shown(want)}`;
    }
  }
  // Sliced by position, not looked up by name: a file may repeat a name.
  const values = new Float32Array(w.data);
  let at = 0;
  const tensors = w.specs.map((s) => {
    const size = s.shape.reduce((a, b) => a * b, 1);
    const t = tf.tensor(values.subarray(at, at + size), s.shape, 'float32');
    at += size;
    return t;
  });
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
  return null;
}
