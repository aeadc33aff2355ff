import type * as tf from '@tensorflow/tfjs';
import type { ActivationId } from '../core/activations';

export type TfActivation = NonNullable<Parameters<typeof tf.layers.dense>[0]['activation']>;

/** Keras identifiers → tfjs ones; tfjs spells only hard_sigmoid differently. */
export const TFJS_ACTIVATION: Record<ActivationId, TfActivation> = {
  linear: 'linear',
  relu: 'relu',
  relu6: 'relu6',
  elu: 'elu',
  selu: 'selu',
  sigmoid: 'sigmoid',
  hard_sigmoid: 'hardSigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  softplus: 'softplus',
  softsign: 'softsign',
  swish: 'swish',
  mish: 'mish',
  gelu: 'gelu',
};
