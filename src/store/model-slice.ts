import type { StateCreator } from 'zustand';
import {
  createLayer,
  duplicateLayer,
  insertLayer,
  moveLayer,
  removeLayer,
  renameLayer,
  updateParams,
  type ModelSpec,
} from '../core/model-spec';
import type { LayerKind } from '../core/layers/catalog';
import { templateSpec, type TemplateId } from '../core/templates';
import type { AppState, AppMutators } from './store';

export interface ModelSlice {
  spec: ModelSpec;
  selectedId: string | null;
  select(id: string | null): void;
  addLayer(kind: LayerKind, index?: number): string;
  moveLayer(from: number, to: number): void;
  removeLayer(id: string): void;
  duplicateLayer(id: string): void;
  updateParams(id: string, patch: Readonly<Record<string, unknown>>): void;
  renameLayer(id: string, name: string): void;
  loadTemplate(id: TemplateId): void;
  /** Replaces the whole model (a link, a saved experiment, an import). */
  setSpec(spec: ModelSpec): void;
}

/** Every edit is a pure core function; the slice only stores its result. */
export const createModelSlice: StateCreator<AppState, AppMutators, [], ModelSlice> = (
  set,
  get,
) => ({
  spec: templateSpec('mlp'),
  selectedId: null,
  select: (id) => set({ selectedId: id }),
  addLayer: (kind, index) => {
    const layer = createLayer(kind);
    set((s) => ({ spec: insertLayer(s.spec, layer, index), selectedId: layer.id }));
    return layer.id;
  },
  moveLayer: (from, to) => set((s) => ({ spec: moveLayer(s.spec, from, to) })),
  removeLayer: (id) =>
    set((s) => ({
      spec: removeLayer(s.spec, id),
      selectedId: s.selectedId === id ? null : s.selectedId,
    })),
  duplicateLayer: (id) => {
    const before = get().spec;
    const after = duplicateLayer(before, id);
    const index = before.layers.findIndex((l) => l.id === id);
    set({ spec: after, selectedId: after.layers[index + 1]?.id ?? get().selectedId });
  },
  updateParams: (id, patch) => set((s) => ({ spec: updateParams(s.spec, id, patch) })),
  renameLayer: (id, name) => set((s) => ({ spec: renameLayer(s.spec, id, name) })),
  loadTemplate: (id) => set({ spec: templateSpec(id), selectedId: null }),
  setSpec: (spec) => set({ spec, selectedId: null }),
});
