import { LAYER_DEFS, type LayerKind, type LayerSpec } from '../layers/catalog';
import type { Result } from '../result';
import { layerNames, randomId, validateLayerName, type IdGen, type ModelSpec } from '../model-spec';
import { isRecord, own, parseJsonSafely, showValue } from '../share/safe-json';
import { MAX_LAYERS } from '../share/salvage-model';
import { readParams } from './keras-json-params';

export interface ImportedModel {
  spec: ModelSpec;
  /** "layer 3 'embedding' (Embedding): Layerlab has no Embedding layer, so it was left out" */
  unknownLayers: string[];
  /** Arguments and parts of the file that were dropped or replaced, one sentence each. */
  unsupported: string[];
}

export interface ImportOptions {
  makeId?: IdGen;
}

const KIND_BY_CLASS = new Map<string, LayerKind>(LAYER_DEFS.map((d) => [d.kerasClass, d.kind]));

const fail = (reason: string): Result<ImportedModel> => ({ ok: false, reason });

/** The layer list of a Sequential config, from any of the shapes Keras and tfjs write. */
function sequentialLayers(json: unknown): Result<{ layers: unknown[]; config: unknown }> {
  let top = own(json, 'modelTopology') ?? json;
  top = own(top, 'model_config') ?? top;
  const cls = own(top, 'class_name');
  if (typeof cls !== 'string') {
    return {
      ok: false,
      reason: 'This is not a Keras or TensorFlow.js model: it has no class_name.',
    };
  }
  if (cls !== 'Sequential') {
    return {
      ok: false,
      reason: `This is a ${showValue(cls)} model; Layerlab imports only Sequential models (one plain stack of layers).`,
    };
  }
  const config = own(top, 'config');
  // Keras before 2.2 wrote the layer list as the config itself.
  const layers = Array.isArray(config) ? config : own(config, 'layers');
  if (!Array.isArray(layers) || layers.length === 0) {
    return { ok: false, reason: 'This Sequential model has no layers to import.' };
  }
  return { ok: true, value: { layers, config } };
}

/** (None, 32, 1) → [32, 1]; every size after the batch must be known. */
function inputShape(batchShape: unknown): Result<number[]> {
  if (!Array.isArray(batchShape) || batchShape.length < 2) {
    return { ok: false, reason: 'The model does not say its input shape.' };
  }
  const dims = batchShape.slice(1);
  if (!dims.every((d): d is number => Number.isInteger(d) && (d as number) > 0)) {
    const shown = `(${batchShape.map((d) => (d === null ? 'None' : showValue(d))).join(', ')})`;
    return {
      ok: false,
      reason: `The input shape ${shown} leaves a size open; Layerlab needs every size except the batch: fix the shape in Keras and export again.`,
    };
  }
  return { ok: true, value: dims };
}

const shapeOf = (cfg: unknown) => own(cfg, 'batch_input_shape') ?? own(cfg, 'batch_shape');

/**
 * A Sequential model.json (tfjs `{ modelTopology, weightsManifest }`, a converter file with
 * `model_config`, or Keras `to_json()`) as a ModelSpec. Layers Layerlab lacks are left out and
 * listed; arguments it does not model are listed too. Weights are read apart (weights-manifest.ts).
 */
export function fromModelJson(json: unknown, opts: ImportOptions = {}): Result<ImportedModel> {
  const makeId = opts.makeId ?? randomId;
  let doc = json;
  if (typeof json === 'string') {
    const parsed = parseJsonSafely(json);
    if (!parsed.ok) return fail(`The file cannot be read: ${parsed.reason}.`);
    doc = parsed.value;
  }
  const found = sequentialLayers(doc);
  if (!found.ok) return found;
  const { layers: raw, config } = found.value;
  if (raw.length > MAX_LAYERS)
    return fail(`The model has ${raw.length} layers; Layerlab takes at most ${MAX_LAYERS}.`);
  const unknownLayers: string[] = [];
  const unsupported: string[] = [];
  const layers: LayerSpec[] = [];
  const names: (string | undefined)[] = [];
  const places: string[] = [];

  for (const [i, entry] of raw.entries()) {
    const cls = own(entry, 'class_name');
    const cfg = isRecord(own(entry, 'config'))
      ? (own(entry, 'config') as Record<string, unknown>)
      : {};
    const rawName = own(cfg, 'name');
    const name = typeof rawName === 'string' ? rawName : undefined;
    const where = `layer ${i + 1}${name === undefined ? '' : ` ${showValue(name)}`} (${typeof cls === 'string' ? cls : 'no class'})`;
    if (i === 0) {
      const shape = inputShape(shapeOf(cfg) ?? own(config, 'build_input_shape'));
      if (!shape.ok) return fail(shape.reason);
      layers.push({ id: makeId(), kind: 'Input', params: { shape: shape.value } });
      names.push(cls === 'InputLayer' ? name : undefined);
      places.push(where);
      if (cls === 'InputLayer') continue;
    }
    const kind = typeof cls === 'string' ? KIND_BY_CLASS.get(cls) : undefined;
    if (kind === undefined) {
      const what =
        typeof cls === 'string' ? `no ${showValue(cls)} layer` : 'no layer without a class_name';
      unknownLayers.push(`${where}: Layerlab has ${what}, so it was left out`);
      continue;
    }
    if (kind === 'Input') {
      const shape = inputShape(shapeOf(cfg));
      const params = { shape: shape.ok ? shape.value : [1] };
      if (!shape.ok) unsupported.push(`${where}: ${shape.reason}`);
      layers.push({ id: makeId(), kind, params });
    } else {
      const params = readParams(kind, cfg, where, unsupported);
      layers.push({ id: makeId(), kind, params } as LayerSpec);
    }
    names.push(name);
    places.push(where);
  }
  return {
    ok: true,
    value: { spec: withNames(layers, names, places, unsupported), unknownLayers, unsupported },
  };
}

/**
 * Keeps each Keras name unless it is the one Layerlab would give anyway (so a model exported
 * from Layerlab comes back without custom names). Invalid names fall back to automatic ones.
 */
function withNames(
  layers: LayerSpec[],
  wanted: (string | undefined)[],
  places: string[],
  notes: string[],
): ModelSpec {
  const bare: ModelSpec = { layers };
  const auto = layerNames(bare);
  let spec: ModelSpec = {
    layers: layers.map((l, i) => {
      const name = wanted[i];
      if (name === undefined || name === auto[i]) return l;
      if (!validateLayerName({ layers: [] }, l.id, name).ok) {
        notes.push(
          `${places[i] ?? `layer ${i + 1}`}: the name is not one Layerlab can use (a letter, then letters, digits, '_', '.' or '-', up to 64 characters), so it got an automatic one`,
        );
        return l;
      }
      return { ...l, name };
    }),
  };
  // Custom names shift the automatic ones; pin any name that moved, until none does.
  for (let pass = 0; pass < layers.length; pass++) {
    const now = layerNames(spec);
    const moved = spec.layers.findIndex(
      (l, i) =>
        l.name === undefined &&
        wanted[i] !== undefined &&
        now[i] !== wanted[i] &&
        wanted[i] === auto[i],
    );
    if (moved < 0) break;
    spec = {
      layers: spec.layers.map((l, i) => (i === moved ? { ...l, name: wanted[i] as string } : l)),
    };
  }
  return spec;
}
