import type { TrainingConfig } from '../share/experiment';
import {
  ADAGRAD_INITIAL_ACCUMULATOR,
  ADAM_BETA_1,
  ADAM_BETA_2,
  HUBER_DELTA,
  MOMENTUM,
  OPTIMIZER_EPSILON,
  RMSPROP_MOMENTUM,
  RMSPROP_RHO,
} from '../training/optimizer-constants';
import type { LossId, OptimizerId } from '../training/settings';
import { pyList, pyNumber, pyString } from './python';

/**
 * The Keras optimizer matching the tfjs one Layerlab trains with, its constants written out
 * from the record the trainer reads too.
 */
export function kerasOptimizer(t: TrainingConfig): string {
  const lr = `learning_rate=${pyNumber(t.learningRate, { float: true })}`;
  // Layerlab clips the norm of all gradients together, which is Keras's global_clipnorm.
  const clip =
    t.clipNorm === null ? '' : `, global_clipnorm=${pyNumber(t.clipNorm, { float: true })}`;
  return `keras.optimizers.${optimizerCall(t.optimizer, lr)}${clip})`;
}

/** The class and arguments, without the closing parenthesis (clipping may follow). */
function optimizerCall(id: OptimizerId, lr: string): string {
  const f = (n: number) => pyNumber(n, { float: true });
  const eps = `epsilon=${f(OPTIMIZER_EPSILON)}`;
  const betas = `beta_1=${f(ADAM_BETA_1)}, beta_2=${f(ADAM_BETA_2)}`;
  switch (id) {
    case 'sgd':
      return `SGD(${lr}`;
    case 'momentum':
      return `SGD(${lr}, momentum=${f(MOMENTUM)}`;
    case 'adam':
      return `Adam(${lr}, ${betas}, ${eps}`;
    case 'rmsprop':
      return `RMSprop(${lr}, rho=${f(RMSPROP_RHO)}, momentum=${f(RMSPROP_MOMENTUM)}, ${eps}`;
    case 'adagrad':
      return `Adagrad(${lr}, initial_accumulator_value=${f(ADAGRAD_INITIAL_ACCUMULATOR)}, ${eps}`;
    case 'adamax':
      return `Adamax(${lr}, ${betas}, ${eps}`;
  }
}

export function kerasLoss(loss: LossId): string {
  switch (loss) {
    case 'mse':
      return 'keras.losses.MeanSquaredError()';
    case 'mae':
      return 'keras.losses.MeanAbsoluteError()';
    case 'huber':
      return `keras.losses.Huber(delta=${pyNumber(HUBER_DELTA, { float: true })})`;
    case 'binary_crossentropy':
      return 'keras.losses.BinaryCrossentropy()';
    case 'categorical_crossentropy':
      return 'keras.losses.CategoricalCrossentropy()';
    case 'sparse_categorical_crossentropy':
      return 'keras.losses.SparseCategoricalCrossentropy()';
  }
}

/** Keras resolves "accuracy" to the accuracy that fits the loss, as tfjs does. */
export const kerasMetrics = (t: TrainingConfig): string => pyList(t.metrics.map(pyString));

/** How the label column becomes targets, by loss: values, 0/1 codes, class codes or one-hot. */
export type TargetEncoding = 'values' | 'binary' | 'sparse' | 'one-hot';

export function targetEncoding(loss: LossId): TargetEncoding {
  switch (loss) {
    case 'mse':
    case 'mae':
    case 'huber':
      return 'values';
    case 'binary_crossentropy':
      return 'binary';
    case 'sparse_categorical_crossentropy':
      return 'sparse';
    case 'categorical_crossentropy':
      return 'one-hot';
  }
}
