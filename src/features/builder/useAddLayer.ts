import { useCallback } from 'react';
import type { LayerKind } from '../../core/layers/catalog';
import { announce } from '../../components/announcer';
import { useAppStore } from '../../store/store';

/**
 * Adds a layer at `index`, or right after the selected layer, or at the end; says where.
 * A refusal (too big) is shown by the alert region, so it is not announced twice.
 */
export function useAddLayer() {
  return useCallback((kind: LayerKind, index?: number) => {
    const { spec, selectedId, addLayer } = useAppStore.getState();
    const selected = spec.layers.findIndex((l) => l.id === selectedId);
    const at = index ?? (selected >= 0 ? selected + 1 : spec.layers.length);
    const added = addLayer(kind, at);
    if (added.ok) announce(`Added ${kind} at position ${at + 1} of ${spec.layers.length + 1}.`);
    return added;
  }, []);
}
