import type { LayerSpec } from '../layers/catalog';
import { layerNames, renameLayer, validateLayerName, type ModelSpec } from '../model-spec';
import { defaultModel } from './experiment';
import { isRecord, own, showValue } from './safe-json';
import type { Salvaged } from './salvage-fields';
import { salvageLayer } from './salvage-layer';

/** More layers than any model a browser tab trains; keeps a hostile link from freezing the UI. */
export const MAX_LAYERS = 256;

/**
 * What could be read is used: each layer is read on its own (salvage-layer.ts), so one bad
 * argument costs that argument, not the model. Only a model with no list of layers, or with
 * more than a link may carry, falls back to the default model.
 */
export function salvageModel(raw: unknown): Salvaged<ModelSpec> {
  if (raw === undefined) return { value: defaultModel(), ignored: [] };
  const layers = own(raw, 'layers');
  const fallback = (why: string) => ({
    value: defaultModel(),
    ignored: [`model: ${why}; the default model was kept`],
  });
  if (!Array.isArray(layers))
    return fallback('this is not a Layerlab model: it has no list of layers');
  if (layers.length > MAX_LAYERS) {
    return fallback(`${layers.length} layers is more than a link can carry (${MAX_LAYERS})`);
  }
  const ignored: string[] = [];
  const nextId = idMaker(layers);
  const kept: LayerSpec[] = [];
  /** Each kept layer's place in the link, so later notes name the layer the user wrote. */
  const places: number[] = [];
  layers.forEach((l, i) => {
    const layer = salvageLayer(l, nextId(own(l, 'id')), `layer ${i + 1}`, ignored);
    if (!layer) return;
    kept.push(layer);
    places.push(i + 1);
  });
  const named = repairNames({ layers: kept }, places);
  return { value: named.value, ignored: [...ignored, ...named.ignored] };
}

/**
 * Ids never show, so a missing or repeated one is replaced without a note; a new id avoids every
 * id the link uses, whichever layer comes first.
 */
function idMaker(layers: readonly unknown[]) {
  const given = new Set(layers.map((l) => (isRecord(l) ? own(l, 'id') : undefined)));
  const used = new Set<string>();
  let n = 0;
  return (id: unknown): string => {
    if (typeof id === 'string' && id !== '' && !used.has(id)) {
      used.add(id);
      return id;
    }
    let fresh: string;
    do fresh = `link-${++n}`;
    while (given.has(fresh) || used.has(fresh));
    used.add(fresh);
    return fresh;
  };
}

function repairNames(spec: ModelSpec, places: readonly number[]): Salvaged<ModelSpec> {
  const ignored: string[] = [];
  let current = spec;
  spec.layers.forEach((layer, i) => {
    if (layer.name === undefined) return;
    if (validateLayerName(current, layer.id, layer.name).ok) return;
    const clash = layerNames(current).some((n, j) => j !== i && n === layer.name);
    const why = clash
      ? 'another layer already has that name'
      : "a name starts with a letter and uses only letters, digits, '_', '.' and '-', up to 64 characters";
    current = renameLayer(current, layer.id, '');
    ignored.push(
      `model: layer ${places[i]} (${layer.kind}): the name ${showValue(layer.name)} was not used (${why}); it got its automatic name`,
    );
  });
  return { value: current, ignored };
}
