import * as tf from '@tensorflow/tfjs';
import type { LayerSpec, LayerSpecOf } from '../core/layers/catalog';
import { fusedCoverage } from './fused-recurrent-coverage';
import { fusedRecurrentLayer } from './fused-recurrent-layer';
import { PaddedConv1D } from './padded-conv1d';
import { TFJS_ACTIVATION } from './tf-activation';

/**
 * Keras's initialisers for layer i (tfjs defaults kernels to glorotNormal, Keras to
 * glorotUniform), seeded when a seed is given so two builds start from the same weights.
 */
export function initialisers(seed: number | undefined, i: number) {
  const s = seed === undefined ? undefined : seed * 1000 + i * 3;
  const withSeed = (offset: number) => (s === undefined ? {} : { seed: s + offset });
  const kernelInitializer = tf.initializers.glorotUniform(withSeed(0));
  return {
    kernel: { kernelInitializer },
    recurrent: {
      kernelInitializer,
      recurrentInitializer: tf.initializers.orthogonal({ gain: 1, ...withSeed(1) }),
    },
    dropout: withSeed(2),
  };
}

function recurrentArgs(l: LayerSpecOf<'SimpleRNN' | 'LSTM' | 'GRU'>) {
  const p = l.params;
  return {
    units: p.units,
    activation: TFJS_ACTIVATION[p.activation],
    useBias: p.use_bias,
    returnSequences: p.return_sequences,
    dropout: p.dropout,
    recurrentDropout: p.recurrent_dropout,
  };
}

type LayerArgs = ConstructorParameters<typeof tf.layers.Layer>[0];

/**
 * tfjs' own recurrent layer, whose call() runs the fused WebGPU kernels where they cover the
 * layer (and the backend is webgpu) unless `fused` is false; it says which ran and why.
 */
function recurrentLayer(
  layer: LayerSpecOf<'SimpleRNN' | 'LSTM' | 'GRU'>,
  args: Record<string, unknown>,
  fused: boolean,
): tf.layers.Layer {
  const coverage = fused
    ? fusedCoverage(layer)
    : { ok: false as const, reason: 'the "Fused recurrent kernels" setting is off' };
  return fusedRecurrentLayer(layer.kind, args as LayerArgs, coverage);
}

/**
 * The tfjs layer for one spec layer. One case per kind and no default, so a new kind in the
 * catalog does not compile until it has its case here.
 */
export function tfLayer(
  layer: LayerSpec,
  name: string,
  init: ReturnType<typeof initialisers>,
  fusedRecurrent = true,
): tf.layers.Layer {
  switch (layer.kind) {
    case 'Input':
      return tf.layers.inputLayer({ inputShape: layer.params.shape, name });
    case 'Dense': {
      const p = layer.params;
      const act = TFJS_ACTIVATION[p.activation];
      return tf.layers.dense({
        units: p.units,
        activation: act,
        useBias: p.use_bias,
        name,
        ...init.kernel,
      });
    }
    case 'SimpleRNN':
      return recurrentLayer(
        layer,
        { ...recurrentArgs(layer), name, ...init.recurrent },
        fusedRecurrent,
      );
    case 'LSTM':
    case 'GRU': {
      // GRU's reset_after is always false here: tfjs 4.22 supports nothing else (see core gru.ts).
      const recurrentActivation = TFJS_ACTIVATION[layer.params.recurrent_activation];
      return recurrentLayer(
        layer,
        { ...recurrentArgs(layer), recurrentActivation, name, ...init.recurrent },
        fusedRecurrent,
      );
    }
    case 'Conv1D': {
      const p = layer.params;
      const args = {
        filters: p.filters,
        kernelSize: p.kernel_size,
        strides: p.strides,
        padding: p.padding,
        dilationRate: p.dilation_rate,
        activation: TFJS_ACTIVATION[p.activation],
        useBias: p.use_bias,
        name,
        ...init.kernel,
      };
      if (p.padding === 'causal' || p.dilation_rate > 1) return new PaddedConv1D(args);
      return tf.layers.conv1d({ ...args, padding: p.padding });
    }
    case 'Conv2D': {
      const p = layer.params;
      return tf.layers.conv2d({
        filters: p.filters,
        kernelSize: p.kernel_size,
        strides: p.strides,
        padding: p.padding,
        activation: TFJS_ACTIVATION[p.activation],
        useBias: p.use_bias,
        dataFormat: 'channelsLast',
        name,
        ...init.kernel,
      });
    }
    case 'MaxPooling1D':
    case 'AveragePooling1D': {
      const p = layer.params;
      const args = {
        poolSize: p.pool_size,
        strides: p.strides ?? p.pool_size,
        padding: p.padding,
        name,
      };
      return layer.kind === 'MaxPooling1D'
        ? tf.layers.maxPooling1d(args)
        : tf.layers.averagePooling1d(args);
    }
    case 'MaxPooling2D': {
      const p = layer.params;
      const poolSize: [number, number] = [p.pool_size[0] ?? 2, p.pool_size[1] ?? 2];
      const strides: [number, number] = p.strides
        ? [p.strides[0] ?? 2, p.strides[1] ?? 2]
        : poolSize;
      return tf.layers.maxPooling2d({ poolSize, strides, padding: p.padding, name });
    }
    case 'GlobalAveragePooling1D':
      return tf.layers.globalAveragePooling1d({ name });
    case 'GlobalMaxPooling1D':
      return tf.layers.globalMaxPooling1d({ name });
    case 'Flatten':
      return tf.layers.flatten({ name });
    case 'Reshape':
      return tf.layers.reshape({ targetShape: layer.params.target_shape, name });
    case 'Dropout':
      return tf.layers.dropout({ rate: layer.params.rate, name, ...init.dropout });
    case 'BatchNormalization': {
      const { momentum, epsilon, center, scale } = layer.params;
      return tf.layers.batchNormalization({ momentum, epsilon, center, scale, name });
    }
    case 'Activation':
      return tf.layers.activation({ activation: TFJS_ACTIVATION[layer.params.activation], name });
    case 'PReLU':
      return tf.layers.prelu({ name });
    case 'LeakyReLU':
      return tf.layers.leakyReLU({ alpha: layer.params.alpha, name });
    case 'ELU':
      return tf.layers.elu({ alpha: layer.params.alpha, name });
  }
}
