import type { StateCreator } from 'zustand';
import {
  createLayer,
  duplicateLayer,
  insertLayer,
  moveLayer,
  removeLayer,
  renameLayer,
  updateParams,
  validateLayerName,
  type ModelSpec,
} from '../core/model-spec';
import { validateParams, type LayerKind } from '../core/layers/catalog';
import type { Result } from '../core/result';
import { guardEdit } from '../core/limits';
import { templateSpec, type TemplateId } from '../core/templates';
import type { AppState, AppMutators } from './store';

/** An edit either went through or says why not, in a sentence the user can act on. */
export type Edit = { ok: true } | { ok: false; reason: string };

export interface ModelSlice {
  spec: ModelSpec;
  selectedId: string | null;
  /** Why the last structural edit was refused (model too big); null once an edit goes through. */
  refusal: string | null;
  select(id: string | null): void;
  dismissRefusal(): void;
  /** Returns the new layer's id. */
  addLayer(kind: LayerKind, index?: number): Result<string>;
  moveLayer(from: number, to: number): Edit;
  removeLayer(id: string): Edit;
  /** Returns the copy's id. */
  duplicateLayer(id: string): Result<string>;
  updateParams(id: string, patch: Readonly<Record<string, unknown>>): Edit;
  renameLayer(id: string, name: string): Edit;
  loadTemplate(id: TemplateId): Edit;
  /** Replaces the whole model (a link, a saved experiment, an import). */
  setSpec(spec: ModelSpec): Edit;
}

/** Every edit is a pure core function; the slice checks the result against the limits and stores it. */
export const createModelSlice: StateCreator<AppState, AppMutators, [], ModelSlice> = (set, get) => {
  /**
   * Applies `next` unless it breaks the limits. Typed fields call this once per committed value
   * (blur or Enter), so each edit is one undo step without folding keystrokes here.
   */
  const commit = (next: ModelSpec, extra: Partial<ModelSlice> = {}): Edit => {
    const before = get().spec;
    if (next === before) return { ok: true };
    const guarded = guardEdit(before, next);
    if (!guarded.ok) {
      set({ refusal: guarded.reason });
      return guarded;
    }
    set({ ...extra, spec: next, refusal: null });
    return { ok: true };
  };

  const indexOf = (id: string) => get().spec.layers.findIndex((l) => l.id === id);

  return {
    spec: templateSpec('mlp'),
    selectedId: null,
    refusal: null,
    select: (id) => set({ selectedId: id }),
    dismissRefusal: () => set({ refusal: null }),
    addLayer: (kind, index) => {
      const layer = createLayer(kind);
      const done = commit(insertLayer(get().spec, layer, index), { selectedId: layer.id });
      return done.ok ? { ok: true, value: layer.id } : done;
    },
    moveLayer: (from, to) => commit(moveLayer(get().spec, from, to)),
    removeLayer: (id) => {
      const selectedId = get().selectedId === id ? null : get().selectedId;
      return commit(removeLayer(get().spec, id), { selectedId });
    },
    duplicateLayer: (id) => {
      const index = indexOf(id);
      const after = duplicateLayer(get().spec, id);
      const copyId = after.layers[index + 1]?.id;
      if (index < 0 || copyId === undefined) return { ok: false, reason: 'That layer is gone.' };
      const done = commit(after, { selectedId: copyId });
      return done.ok ? { ok: true, value: copyId } : done;
    },
    updateParams: (id, patch) => {
      const layer = get().spec.layers[indexOf(id)];
      if (!layer) return { ok: false, reason: 'That layer is gone.' };
      // Refused here as well as in the inspector, so no caller can store an out-of-range value.
      const checked = validateParams(layer.kind, { ...layer.params, ...patch });
      if (!checked.ok) return checked;
      return commit(updateParams(get().spec, id, patch));
    },
    renameLayer: (id, name) => {
      const checked = validateLayerName(get().spec, id, name);
      if (!checked.ok) return checked;
      return commit(renameLayer(get().spec, id, name));
    },
    loadTemplate: (id) => commit(templateSpec(id), { selectedId: null }),
    setSpec: (spec) => commit(spec, { selectedId: null }),
  };
};
