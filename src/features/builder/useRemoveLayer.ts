import { useCallback } from 'react';
import { announce } from '../../components/announcer';
import { useAppStore } from '../../store/store';
import { shapesOf } from '../../store/selectors';
import { focusCard } from '../../components/card-focus';

/** Removes a layer, says so, and keeps the keyboard focus in the stack (next card, else previous). */
export function useRemoveLayer() {
  return useCallback((id: string) => {
    const { spec, removeLayer } = useAppStore.getState();
    const index = spec.layers.findIndex((l) => l.id === id);
    const name = shapesOf(spec).layers[index]?.name ?? 'the layer';
    const neighbour = spec.layers[index + 1] ?? spec.layers[index - 1] ?? null;
    if (!removeLayer(id).ok) return;
    announce(`Removed ${name}.`);
    focusCard(neighbour?.id ?? null, () => document.querySelector<HTMLElement>('.palette input'));
  }, []);
}
