import { z } from 'zod';
import {
  getDef,
  isLayerKind,
  validateParams,
  type LayerKind,
  type LayerSpec,
  type LayerSpecOf,
} from './layers/catalog';
import type { Result } from './result';

/** A Keras Sequential model: layers[0] should be the Input (shapes.ts reports it if not). */
export interface ModelSpec {
  layers: LayerSpec[];
}

export type IdGen = () => string;

export const randomId: IdGen = () => `l-${crypto.randomUUID().slice(0, 8)}`;

/** Deterministic ids for tests and fixtures: layer-1, layer-2, … */
export function counterIds(prefix = 'layer'): IdGen {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** A new layer of `kind` with Keras defaults (copied, so edits never touch the catalog). */
export function createLayer<K extends LayerKind>(kind: K, id: string = randomId()): LayerSpecOf<K> {
  const params = structuredClone(getDef(kind).defaults);
  return { id, kind, params } as unknown as LayerSpecOf<K>;
}

// Edits are total: an unknown id or an out-of-range index (a stale UI event) returns the spec
// unchanged, and an index is clamped into range. Problems with the result are for shapes.ts.

const clamp = (i: number, max: number) => Math.max(0, Math.min(max, Math.trunc(i)));

export function insertLayer(
  spec: ModelSpec,
  layer: LayerSpec,
  index = spec.layers.length,
): ModelSpec {
  const layers = [...spec.layers];
  layers.splice(clamp(index, layers.length), 0, layer);
  return { ...spec, layers };
}

export function moveLayer(spec: ModelSpec, from: number, to: number): ModelSpec {
  const moved = spec.layers[from];
  if (moved === undefined || from === to) return spec;
  const layers = spec.layers.filter((_, i) => i !== from);
  layers.splice(clamp(to, layers.length), 0, moved);
  return { ...spec, layers };
}

export function removeLayer(spec: ModelSpec, id: string): ModelSpec {
  const layers = spec.layers.filter((l) => l.id !== id);
  return layers.length === spec.layers.length ? spec : { ...spec, layers };
}

/** Inserts a copy right after the original. The copy drops any custom name so names stay unique. */
export function duplicateLayer(spec: ModelSpec, id: string, makeId: IdGen = randomId): ModelSpec {
  const index = spec.layers.findIndex((l) => l.id === id);
  const original = spec.layers[index];
  if (original === undefined) return spec;
  const copy = { id: makeId(), kind: original.kind, params: structuredClone(original.params) };
  return insertLayer(spec, copy as LayerSpec, index + 1);
}

function mapLayer(spec: ModelSpec, id: string, f: (l: LayerSpec) => LayerSpec): ModelSpec {
  if (!spec.layers.some((l) => l.id === id)) return spec;
  return { ...spec, layers: spec.layers.map((l) => (l.id === id ? f(l) : l)) };
}

/**
 * Merges `patch` into a layer's params without validating it, so the inspector can hold a
 * half-typed value; shapes.ts reports out-of-range values. Use validateParams to refuse early.
 */
export function updateParams(
  spec: ModelSpec,
  id: string,
  patch: Readonly<Record<string, unknown>>,
): ModelSpec {
  return mapLayer(spec, id, (l) => ({ ...l, params: { ...l.params, ...patch } }) as LayerSpec);
}

/** An empty or blank name goes back to the automatic Keras name. */
export function renameLayer(spec: ModelSpec, id: string, name: string): ModelSpec {
  const trimmed = name.trim();
  return mapLayer(spec, id, (l) => {
    const rest = { ...l };
    delete rest.name;
    return (trimmed === '' ? rest : { ...rest, name: trimmed }) as LayerSpec;
  });
}

/**
 * The name each layer gets, as Keras would give it: a custom name, or the kind's prefix with a
 * counter (dense, dense_1, …) that skips names already taken by custom names.
 */
export function layerNames(spec: ModelSpec): string[] {
  const taken = new Set(spec.layers.flatMap((l) => (l.name ? [l.name] : [])));
  const counters = new Map<string, number>();
  return spec.layers.map((l) => {
    if (l.name) return l.name;
    const prefix = getDef(l.kind).namePrefix;
    let n = counters.get(prefix) ?? 0;
    const nth = (k: number) => (k === 0 ? prefix : `${prefix}_${k}`);
    while (taken.has(nth(n))) n += 1;
    const candidate = nth(n);
    counters.set(prefix, n + 1);
    taken.add(candidate);
    return candidate;
  });
}

// What tfjs accepts as a layer name, minus '/', which Keras uses to scope weight names.
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** Checks a custom name for layer `id`; '' (back to automatic) is always fine. */
export function validateLayerName(spec: ModelSpec, id: string, name: string): Result<string> {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: true, value: '' };
  if (!NAME_PATTERN.test(trimmed)) {
    return {
      ok: false,
      reason: `Layer names start with a letter and use only letters, digits, '_', '.' and '-', up to 64 characters (got '${trimmed}').`,
    };
  }
  const names = layerNames(spec);
  const clash = spec.layers.findIndex((l, i) => l.id !== id && names[i] === trimmed);
  if (clash >= 0) {
    return {
      ok: false,
      reason: `Another layer is already called '${trimmed}': pick a different name.`,
    };
  }
  return { ok: true, value: trimmed };
}

const rawSpec = z.object({
  layers: z.array(
    z.object({
      id: z.string().min(1),
      kind: z.string(),
      name: z.string().optional(),
      params: z.unknown(),
    }),
  ),
});

/** Validates a spec from outside (URL, file, worker message); reasons name the layer. */
export function parseModelSpec(input: unknown): Result<ModelSpec> {
  const raw = rawSpec.safeParse(input);
  if (!raw.success)
    return { ok: false, reason: 'This is not a Layerlab model: it has no list of layers.' };
  const layers: LayerSpec[] = [];
  const ids = new Set<string>();
  for (const [i, l] of raw.data.layers.entries()) {
    const where = `Layer ${i + 1}`;
    if (!isLayerKind(l.kind))
      return { ok: false, reason: `${where} has an unknown type '${l.kind}'.` };
    if (ids.has(l.id)) return { ok: false, reason: `${where} repeats the id '${l.id}'.` };
    ids.add(l.id);
    const params = validateParams(l.kind, l.params);
    if (!params.ok) return { ok: false, reason: `${where} (${l.kind}): ${params.reason}.` };
    const name = l.name?.trim();
    const layer = { id: l.id, kind: l.kind, params: params.value };
    layers.push((name ? { ...layer, name } : layer) as LayerSpec);
  }
  return { ok: true, value: { layers } };
}
