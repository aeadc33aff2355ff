import type { LayerSpec } from '../layers/catalog';
import { layerNames, type ModelSpec } from '../model-spec';

export { fromModelJson, type ImportedModel, type ImportOptions } from './keras-json-import';

/** One layer as Keras serialises it. */
export interface KerasLayerJson {
  module: 'keras.layers';
  class_name: string;
  config: Record<string, unknown>;
  registered_name: null;
}

/** A Sequential model config: what Keras `model.to_json()` and tfjs `model.toJSON()` hold. */
export interface KerasModelJson {
  module: 'keras';
  class_name: 'Sequential';
  config: { name: string; trainable: true; layers: KerasLayerJson[] };
  registered_name: null;
}

const one = (n: number) => [n];

function recurrent(p: {
  units: number;
  activation: string;
  use_bias: boolean;
  dropout: number;
  recurrent_dropout: number;
  return_sequences: boolean;
}) {
  const { units, activation, use_bias, dropout, recurrent_dropout, return_sequences } = p;
  return { units, activation, use_bias, dropout, recurrent_dropout, return_sequences };
}

/** [class_name, config] for each kind, in Keras snake_case, sizes as lists as Keras writes them. */
function layerConfig(layer: LayerSpec): [string, Record<string, unknown>] {
  switch (layer.kind) {
    case 'Input': {
      const shape = [null, ...layer.params.shape];
      return ['InputLayer', { batch_input_shape: shape, dtype: 'float32', sparse: false }];
    }
    case 'Dense':
      return ['Dense', { ...layer.params }];
    case 'SimpleRNN':
      return ['SimpleRNN', recurrent(layer.params)];
    case 'LSTM':
    case 'GRU':
      return [layer.kind, { ...layer.params, ...recurrent(layer.params) }];
    case 'Conv1D': {
      const p = layer.params;
      return [
        'Conv1D',
        {
          ...p,
          kernel_size: one(p.kernel_size),
          strides: one(p.strides),
          dilation_rate: one(p.dilation_rate),
          data_format: 'channels_last',
        },
      ];
    }
    case 'Conv2D':
      return ['Conv2D', { ...layer.params, dilation_rate: [1, 1], data_format: 'channels_last' }];
    case 'MaxPooling1D':
    case 'AveragePooling1D': {
      const p = layer.params;
      const strides = p.strides === null ? null : one(p.strides);
      return [layer.kind, { pool_size: one(p.pool_size), strides, padding: p.padding }];
    }
    case 'MaxPooling2D':
      return ['MaxPooling2D', { ...layer.params, data_format: 'channels_last' }];
    case 'GlobalAveragePooling1D':
    case 'GlobalMaxPooling1D':
    case 'Flatten':
    case 'PReLU':
      return [layer.kind, {}];
    case 'Reshape':
      return ['Reshape', { target_shape: [...layer.params.target_shape] }];
    case 'Dropout':
      return ['Dropout', { rate: layer.params.rate }];
    case 'BatchNormalization':
      return ['BatchNormalization', { axis: -1, ...layer.params }];
    case 'Activation':
      return ['Activation', { activation: layer.params.activation }];
    case 'LeakyReLU':
      // `alpha` is what tfjs and Keras 2 read; Keras 3 reads it too (as negative_slope).
      return ['LeakyReLU', { alpha: layer.params.alpha }];
    case 'ELU':
      return ['ELU', { alpha: layer.params.alpha }];
  }
}

/**
 * The Keras model config of a spec: loads with `keras.models.model_from_json` (Keras 3) and
 * with tfjs `tf.models.modelFromJSON({ modelTopology })`. Architecture only, no weights.
 */
export function toKerasModelJson(spec: ModelSpec, modelName = 'layerlab_model'): KerasModelJson {
  const names = layerNames(spec);
  const layers = spec.layers.map((layer, i): KerasLayerJson => {
    const [className, params] = layerConfig(layer);
    const name = names[i] ?? layer.id;
    const base =
      className === 'InputLayer' ? { name } : { name, trainable: true, dtype: 'float32' };
    const config = structuredClone({ ...base, ...params });
    return { module: 'keras.layers', class_name: className, config, registered_name: null };
  });
  return {
    module: 'keras',
    class_name: 'Sequential',
    config: { name: modelName, trainable: true, layers },
    registered_name: null,
  };
}
