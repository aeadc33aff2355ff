import type { StateCreator, StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
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

/**
 * `typing` names one run of keystrokes in one field (a new value per focus): edits with the same
 * `typing` are one undo step, so undo restores what was there before the user started typing.
 */
export interface EditOptions {
  typing?: string;
}

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
  updateParams(id: string, patch: Readonly<Record<string, unknown>>, opts?: EditOptions): Edit;
  renameLayer(id: string, name: string, opts?: EditOptions): Edit;
  loadTemplate(id: TemplateId): Edit;
  /** Replaces the whole model (a link, a saved experiment, an import). */
  setSpec(spec: ModelSpec): Edit;
}

type ModelHistory = StoreApi<TemporalState<Pick<AppState, 'spec'>>>;

/** Every edit is a pure core function; the slice checks the result against the limits and stores it. */
export const createModelSlice: StateCreator<AppState, AppMutators, [], ModelSlice> = (
  set,
  get,
  api,
) => {
  // AppMutators leaves the temporal store's type open; store.ts gives it this shape.
  const history = () => api.temporal as ModelHistory;
  let lastTyping: { key: string; depth: number } | null = null;

  /** Applies `next` unless it breaks the limits; `typing` folds keystrokes into one undo step. */
  const commit = (next: ModelSpec, extra: Partial<ModelSlice> = {}, typing?: string): Edit => {
    const before = get().spec;
    if (next === before) return { ok: true };
    const guarded = guardEdit(before, next);
    if (!guarded.ok) {
      set({ refusal: guarded.reason });
      return guarded;
    }
    const h = history().getState();
    const continues =
      typing !== undefined &&
      lastTyping?.key === typing &&
      lastTyping.depth === h.pastStates.length &&
      h.futureStates.length === 0;
    if (continues) h.pause();
    set({ ...extra, spec: next, refusal: null });
    if (continues) h.resume();
    const depth = history().getState().pastStates.length;
    lastTyping = typing === undefined ? null : { key: typing, depth };
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
    updateParams: (id, patch, opts = {}) => {
      const layer = get().spec.layers[indexOf(id)];
      if (!layer) return { ok: false, reason: 'That layer is gone.' };
      // Refused here as well as in the inspector, so no caller can store an out-of-range value.
      const checked = validateParams(layer.kind, { ...layer.params, ...patch });
      if (!checked.ok) return checked;
      return commit(updateParams(get().spec, id, patch), {}, typingKey('params', id, opts, patch));
    },
    renameLayer: (id, name, opts = {}) => {
      const checked = validateLayerName(get().spec, id, name);
      if (!checked.ok) return checked;
      return commit(renameLayer(get().spec, id, name), {}, typingKey('name', id, opts));
    },
    loadTemplate: (id) => commit(templateSpec(id), { selectedId: null }),
    setSpec: (spec) => commit(spec, { selectedId: null }),
  };
};

function typingKey(
  what: string,
  id: string,
  opts: EditOptions,
  patch: Readonly<Record<string, unknown>> = {},
): string | undefined {
  if (opts.typing === undefined) return undefined;
  return [what, id, ...Object.keys(patch), opts.typing].join('\u0000');
}
