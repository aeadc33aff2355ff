import * as tf from '@tensorflow/tfjs';
import type { SaliencyMethod } from '../core/timeline/saliency-types';

/**
 * Which inputs a prediction depends on, for one sample, computed on the model as it is now:
 * - 'gradient': ∂ output / ∂ input (for a linear model, exactly its weights);
 * - 'integrated': integrated gradients from an all-zero baseline (the inputs' mean, since they
 *   are normalised), (x − 0) ⊙ the mean gradient along the straight path, on `steps` points;
 *   the values add up to output(x) − output(0).
 * The output is the predicted class's probability (classification) or unit 0 (regression).
 */

export interface Saliency {
  /** Same layout as the input sample. */
  values: Float32Array;
  /** The output unit explained. */
  target: number;
  /** The model's outputs for the sample. */
  outputs: number[];
}

export async function saliency(
  model: tf.LayersModel,
  input: Float32Array,
  sampleShape: readonly number[],
  method: SaliencyMethod,
  steps = 32,
): Promise<Saliency> {
  const x = tf.tensor(input, [1, ...sampleShape]);
  try {
    const out = tf.tidy(() => model.predict(x) as tf.Tensor);
    const outputs = Array.from(await out.data());
    out.dispose();
    const target = outputs.length > 1 ? outputs.indexOf(Math.max(...outputs)) : 0;
    const pick = (batch: tf.Tensor) =>
      tf.sum(tf.slice(model.apply(batch, { training: false }) as tf.Tensor, [0, target], [-1, 1]));
    const values = tf.tidy(() => {
      if (method === 'gradient') return tf.grad(pick)(x);
      // Points along the path: α = (k + ½) / steps (the midpoint rule), batched as one input.
      const alphas = tf.reshape(tf.div(tf.add(tf.range(0, steps), 0.5), steps), [
        steps,
        ...sampleShape.map(() => 1),
      ]);
      const path = tf.mul(alphas, x);
      const grads = tf.grad(pick)(path);
      return tf.mul(x, tf.mean(grads, 0, true));
    });
    const data = (await values.data()) as Float32Array;
    values.dispose();
    return { values: data, target, outputs };
  } finally {
    x.dispose();
  }
}
