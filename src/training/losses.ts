import * as tf from '@tensorflow/tfjs';
import { HUBER_DELTA, PROBABILITY_EPSILON } from '../core/training/optimizer-constants';
import type { LossId, MetricId } from '../core/training/settings';

/**
 * Losses and metrics written out with core ops rather than tfjs-layers' string lookup, so each
 * is a plain (yTrue, yPred) → scalar with a fixed epsilon (Keras' 1e-7) on every backend.
 * The model's output already went through its activation (sigmoid/softmax): these take
 * probabilities, not logits, as Keras does by default.
 */
/** Returns a scalar tensor. */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

const EPS = PROBABILITY_EPSILON;

const clipProb = (p: tf.Tensor) => tf.clipByValue(p, EPS, 1 - EPS);

/** Sparse labels arrive as [N, 1] class codes; the categorical forms need [N, k] one-hot. */
function oneHotFromCodes(codes: tf.Tensor, numClasses: number): tf.Tensor {
  return tf.oneHot(tf.cast(tf.reshape(codes, [-1]), 'int32'), numClasses).toFloat();
}

function categoricalCe(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const p = clipProb(tf.div(yPred, tf.sum(yPred, -1, true)));
  return tf.neg(tf.mean(tf.sum(tf.mul(yTrue, tf.log(p)), -1)));
}

export function lossFn(id: LossId, numClasses: number): LossFn {
  switch (id) {
    case 'mse':
      return (t, p) => tf.mean(tf.squaredDifference(p, t));
    case 'mae':
      return (t, p) => tf.mean(tf.abs(tf.sub(p, t)));
    case 'huber':
      return (t, p) => tf.losses.huberLoss(t, p, undefined, HUBER_DELTA);
    case 'binary_crossentropy':
      return (t, p) => {
        const q = clipProb(p);
        const ll = tf.add(tf.mul(t, tf.log(q)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, q))));
        return tf.neg(tf.mean(ll));
      };
    case 'categorical_crossentropy':
      return categoricalCe;
    case 'sparse_categorical_crossentropy':
      return (t, p) => categoricalCe(oneHotFromCodes(t, numClasses), p);
  }
}

/** Accuracy means what Keras means for the loss in use: thresholded, arg-max or sparse arg-max. */
export function metricFn(id: MetricId, loss: LossId): LossFn {
  if (id === 'mae') return (t, p) => tf.mean(tf.abs(tf.sub(p, t)));
  switch (loss) {
    case 'categorical_crossentropy':
      return (t, p) => tf.mean(tf.equal(tf.argMax(t, -1), tf.argMax(p, -1)).toFloat());
    case 'sparse_categorical_crossentropy':
      return (t, p) =>
        tf.mean(tf.equal(tf.cast(tf.reshape(t, [-1]), 'int32'), tf.argMax(p, -1)).toFloat());
    default:
      // Binary (and regression, where "accuracy" is rarely meant): round at 0.5 as Keras does.
      return (t, p) => tf.mean(tf.equal(t, tf.cast(tf.greater(p, 0.5), 'float32')).toFloat());
  }
}

/** Whether a metric's value is worth showing for the loss: accuracy on mse is noise. */
export function metricApplies(id: MetricId, loss: LossId): boolean {
  if (id === 'accuracy') return loss.endsWith('crossentropy');
  return true;
}
