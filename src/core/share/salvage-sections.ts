import { datasetConfigSchema, defaultDatasetConfig, type DatasetConfig } from '../../data/config';
import { builtinOverrides } from '../../data/generators';
import {
  layerNames,
  parseModelSpec,
  renameLayer,
  validateLayerName,
  type ModelSpec,
} from '../model-spec';
import { defaultModel } from './experiment';
import { isRecord, own, showValue } from './safe-json';
import type { Salvaged } from './salvage-fields';

/** More layers than any model a browser tab trains; keeps a hostile link from freezing the UI. */
export const MAX_LAYERS = 256;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const noStop = (s: string) => s.replace(/\.$/, '');

/**
 * The model is all or nothing: half a model would silently change what the link shows. Only a
 * bad custom name is repaired in place (the layer goes back to its automatic name).
 */
export function salvageModel(raw: unknown): Salvaged<ModelSpec> {
  if (raw === undefined) return { value: defaultModel(), ignored: [] };
  const layers = own(raw, 'layers');
  if (Array.isArray(layers) && layers.length > MAX_LAYERS) {
    const why = `${layers.length} layers is more than a link can carry (${MAX_LAYERS})`;
    return { value: defaultModel(), ignored: [`model: ${why}; the default model was kept`] };
  }
  const parsed = parseModelSpec(raw);
  if (!parsed.ok) {
    const why = lowerFirst(noStop(parsed.reason));
    return { value: defaultModel(), ignored: [`model: ${why}; the default model was kept`] };
  }
  return repairNames(parsed.value);
}

function repairNames(spec: ModelSpec): Salvaged<ModelSpec> {
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
      `model: layer ${i + 1} (${layer.kind}): the name ${showValue(layer.name)} was not used (${why}); it got its automatic name`,
    );
  });
  return { value: current, ignored };
}

type Path = readonly PropertyKey[];

/** Every field has a default, so dropping a bad field and parsing again keeps everything else. */
const MAX_PASSES = 16;

export function salvageData(raw: unknown): Salvaged<DatasetConfig> {
  const fallback = () => structuredClone(defaultDatasetConfig);
  if (raw === undefined) return { value: fallback(), ignored: [] };
  if (!isRecord(raw)) {
    const why = `not a group of settings (got ${showValue(raw)})`;
    return { value: fallback(), ignored: [`data: ${why}; the default data was used`] };
  }
  const doc: Record<string, unknown> = structuredClone(raw);
  const notes: { path: Path; text: string }[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const r = datasetConfigSchema.safeParse(withGeneratorDefaults(doc));
    if (r.success) return { value: r.data, ignored: notes.map((n) => finish(n, r.data)) };
    let removed = false;
    for (const issue of r.error.issues) {
      // An item of a list is not removed alone: the whole list falls back to its default.
      const cut = issue.path.findIndex((p) => typeof p === 'number');
      const path = cut < 0 ? issue.path : issue.path.slice(0, cut);
      if (path.length === 0 || !remove(doc, path)) continue;
      removed = true;
      const item = cut < 0 ? '' : `item ${Number(issue.path[cut]) + 1}: `;
      const got = showValue(cut < 0 ? valueAt(raw, path) : valueAt(raw, issue.path));
      const why = `${item}${noStop(lowerFirst(issue.message))} (got ${got})`;
      notes.push({ path, text: `data.${show(path)}: ${why}` });
    }
    if (!removed) break;
  }
  return {
    value: fallback(),
    ignored: ['data: the dataset settings could not be read; the default data was used'],
  };
}

/** Fields a link leaves out take the named generator's own defaults (sine: windowed). */
function withGeneratorDefaults(doc: Record<string, unknown>): Record<string, unknown> {
  if (doc['source'] !== 'builtin' || typeof doc['id'] !== 'string') return doc;
  return deepMerge(builtinOverrides(doc['id']), doc);
}

function deepMerge(base: Record<string, unknown>, top: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(top)) {
    const b = Object.hasOwn(out, k) ? out[k] : undefined;
    // defineProperty: a link's "__proto__" key stays a plain key, never a prototype.
    Object.defineProperty(out, k, {
      value: isRecord(b) && isRecord(v) ? deepMerge(b, v) : v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Says what took the bad value's place: its default, or nothing (an entry of a table). */
function finish(note: { path: Path; text: string }, result: unknown): string {
  const now = valueAt(result, note.path);
  const after = now === undefined ? 'it was left out' : `the default ${showValue(now)} was used`;
  return `${note.text}; ${after}`;
}

const show = (path: Path) => path.map(String).join('.');

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) {
    if (typeof p === 'number') v = Array.isArray(v) ? (v as unknown[])[p] : undefined;
    else v = typeof p === 'string' ? own(v, p) : undefined;
  }
  return v;
}

function remove(root: Record<string, unknown>, path: Path): boolean {
  const parent = valueAt(root, path.slice(0, -1));
  const key = path.at(-1);
  if (!isRecord(parent) || typeof key !== 'string' || !Object.hasOwn(parent, key)) return false;
  delete parent[key];
  return true;
}
