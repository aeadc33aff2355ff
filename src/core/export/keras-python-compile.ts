import { MOMENTUM, type LossId, type OptimizerId, type TrainingConfig } from '../share/experiment';
import { pyList, pyNumber, pyString } from './python';

/**
 * The Keras optimizer matching the tfjs one Layerlab trains with, its constants written out
 * (tfjs and Keras agree on them: epsilon 1e-7, RMSprop rho 0.9, Adagrad accumulator 0.1).
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
  switch (id) {
    case 'sgd':
      return `SGD(${lr}`;
    case 'momentum':
      return `SGD(${lr}, momentum=${pyNumber(MOMENTUM, { float: true })}`;
    case 'adam':
      return `Adam(${lr}, beta_1=0.9, beta_2=0.999, epsilon=1e-7`;
    case 'rmsprop':
      return `RMSprop(${lr}, rho=0.9, momentum=0.0, epsilon=1e-7`;
    case 'adagrad':
      return `Adagrad(${lr}, initial_accumulator_value=0.1, epsilon=1e-7`;
    case 'adamax':
      return `Adamax(${lr}, beta_1=0.9, beta_2=0.999, epsilon=1e-7`;
  }
}

export function kerasLoss(loss: LossId): string {
  switch (loss) {
    case 'mse':
      return 'keras.losses.MeanSquaredError()';
    case 'mae':
      return 'keras.losses.MeanAbsoluteError()';
    case 'huber':
      return 'keras.losses.Huber(delta=1.0)';
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
