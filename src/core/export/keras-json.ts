import { looseDef } from '../layers/catalog';
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

/**
 * The Keras model config of a spec: loads with `keras.models.model_from_json` (Keras 3) and
 * with tfjs `tf.models.modelFromJSON({ modelTopology })`. Architecture only, no weights.
 */
export function toKerasModelJson(spec: ModelSpec, modelName = 'layerlab_model'): KerasModelJson {
  const names = layerNames(spec);
  const layers = spec.layers.map((layer, i): KerasLayerJson => {
    const def = looseDef(layer.kind);
    const className = def.kerasClass;
    const params = def.keras.config(layer.params);
    const name = names[i] ?? layer.id;
    const base = layer.kind === 'Input' ? { name } : { name, trainable: true, dtype: 'float32' };
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
