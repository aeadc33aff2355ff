import * as tf from '@tensorflow/tfjs';
import type { LossFn } from './losses';

/** One model's training step pieces; built once per run. */
export interface StepContext {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  loss: LossFn;
  metrics: LossFn[];
  clipNorm: number | null;
}

function clipByGlobalNorm(grads: tf.NamedTensorMap, clipNorm: number): tf.NamedTensorMap {
  const list = Object.values(grads);
  const norm = tf.sqrt(tf.addN(list.map((g) => tf.sum(tf.square(g)))));
  const scale = tf.div(clipNorm, tf.maximum(norm, clipNorm));
  return Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.mul(g, scale)]));
}

/**
 * Trains on the samples at `indices` and returns [loss, ...metrics] as a tensor that is NOT
 * read here: the caller batches those reads, so a GPU backend is not synced every batch.
 * Metrics use the training-mode predictions of the same forward pass, as Keras reports them.
 */
export function trainStep(ctx: StepContext, x: tf.Tensor, y: tf.Tensor, indices: Int32Array) {
  let metricValues: tf.Tensor | undefined;
  const out = tf.tidy(() => {
    const idx = tf.tensor1d(indices, 'int32');
    const xb = tf.gather(x, idx);
    const yb = tf.gather(y, idx);
    const vars = ctx.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = ctx.optimizer.computeGradients(() => {
      const pred = ctx.model.apply(xb, { training: true }) as tf.Tensor;
      if (ctx.metrics.length > 0) {
        // keep(): this closure runs in tfjs' own tidy, which would dispose the metrics.
        metricValues = tf.keep(tf.stack(ctx.metrics.map((m) => m(yb, pred))));
      }
      return ctx.loss(yb, pred) as tf.Scalar;
    }, vars);
    ctx.optimizer.applyGradients(ctx.clipNorm ? clipByGlobalNorm(grads, ctx.clipNorm) : grads);
    const loss = tf.reshape(value, [1]);
    return metricValues ? tf.concat([loss, metricValues]) : loss;
  });
  metricValues?.dispose();
  return out as tf.Tensor1D;
}

/** Mean [loss, ...metrics] over all of x/y, in chunks, as one unread tensor. */
export function evaluate(ctx: StepContext, x: tf.Tensor, y: tf.Tensor, chunk = 1024): tf.Tensor1D {
  return tf.tidy(() => {
    const n = x.shape[0] ?? 0;
    const parts: tf.Tensor[] = [];
    for (let start = 0; start < n; start += chunk) {
      const size = Math.min(chunk, n - start);
      const xb = tf.slice(x, start, size);
      const yb = tf.slice(y, start, size);
      const pred = ctx.model.apply(xb, { training: false }) as tf.Tensor;
      const values = [ctx.loss(yb, pred), ...ctx.metrics.map((m) => m(yb, pred))];
      parts.push(tf.mul(tf.stack(values), size));
    }
    return tf.div(tf.addN(parts), n) as tf.Tensor1D;
  });
}
