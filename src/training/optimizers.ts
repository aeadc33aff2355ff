import * as tf from '@tensorflow/tfjs';
import {
  ADAGRAD_INITIAL_ACCUMULATOR,
  ADAM_BETA_1,
  ADAM_BETA_2,
  MOMENTUM,
  OPTIMIZER_EPSILON,
  RMSPROP_MOMENTUM,
  RMSPROP_RHO,
} from '../core/training/optimizer-constants';
import type { OptimizerId } from '../core/training/settings';

/**
 * tfjs' Adagrad takes its epsilon from the backend (1e-7 on float32, 1e-4 on float16 WebGL), so
 * the same run would give different losses per backend. This one uses OPTIMIZER_EPSILON; the
 * update is tfjs 4.22's own, otherwise unchanged.
 */
class FixedEpsilonAdagrad extends tf.AdagradOptimizer {
  private readonly accumulators: tf.Variable[] = [];

  constructor(
    learningRate: number,
    private readonly initialValue: number,
  ) {
    super(learningRate, initialValue);
  }

  override applyGradients(grads: Parameters<tf.Optimizer['applyGradients']>[0]): void {
    const names = Array.isArray(grads) ? grads.map((g) => g.name) : Object.keys(grads);
    names.forEach((name, i) => {
      const value = tf.engine().registeredVariables[name];
      const gradient = Array.isArray(grads) ? grads[i]?.tensor : grads[name];
      if (!value || !gradient) return;
      const acc = (this.accumulators[i] ??= tf.tidy(() =>
        tf.fill(value.shape, this.initialValue).variable(false),
      ));
      tf.tidy(() => {
        const next = tf.add(acc, tf.square(gradient));
        acc.assign(next);
        const step = tf.div(gradient, tf.sqrt(tf.add(next, OPTIMIZER_EPSILON)));
        value.assign(tf.add(tf.mul(step, -this.learningRate), value));
      });
    });
    this.incrementIterations();
  }

  override dispose(): void {
    tf.dispose(this.accumulators);
    super.dispose();
  }
}

export function makeOptimizer(id: OptimizerId, learningRate: number): tf.Optimizer {
  const eps = OPTIMIZER_EPSILON;
  switch (id) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, MOMENTUM);
    case 'adam':
      return tf.train.adam(learningRate, ADAM_BETA_1, ADAM_BETA_2, eps);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate, RMSPROP_RHO, RMSPROP_MOMENTUM, eps);
    case 'adagrad':
      return new FixedEpsilonAdagrad(learningRate, ADAGRAD_INITIAL_ACCUMULATOR);
    case 'adamax':
      return tf.train.adamax(learningRate, ADAM_BETA_1, ADAM_BETA_2, eps);
  }
}

/**
 * Changes the rate for the next applyGradients. SGD and momentum cache −lr as a tensor
 * (setLearningRate renews it); the others read `learningRate` on every step.
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  if (optimizer instanceof tf.SGDOptimizer) {
    optimizer.setLearningRate(learningRate);
    return;
  }
  (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
}
