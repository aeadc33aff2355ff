import type { LayerKind, ParamsOf } from './layers/catalog';
import { counterIds, createLayer, updateParams, type IdGen, type ModelSpec } from './model-spec';

/** One layer in short form: its kind and the params that differ from the Keras defaults. */
export type LayerEntry = { [K in LayerKind]: [K, Partial<ParamsOf<K>>?] }[LayerKind];

/**
 * A spec from a short list, for presets, fixtures and tests:
 * specFrom([['Input', { shape: [32, 1] }], ['LSTM', { units: 16 }], ['Dense', { units: 1 }]]).
 */
export function specFrom(entries: readonly LayerEntry[], makeId: IdGen = counterIds()): ModelSpec {
  return entries.reduce<ModelSpec>(
    (spec, [kind, patch]) => {
      const layer = createLayer(kind, makeId());
      const withLayer = { layers: [...spec.layers, layer] };
      return patch ? updateParams(withLayer, layer.id, patch) : withLayer;
    },
    { layers: [] },
  );
}
