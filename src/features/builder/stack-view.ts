import type { UniqueIdentifier } from '@dnd-kit/core';
import { looseDef } from '../../core/layers/catalog';
import { useAppStore } from '../../store/store';
import { shapesOf } from '../../store/selectors';
import type { StackView } from './announcements';

/** "dense_1 (Dense)": how cards, handles and announcements name a layer. */
export const layerLabel = (name: string, kerasClass: string) => `${name} (${kerasClass})`;

/** The stack as it is right now (read from the store, not from a render). */
export function liveStackView(insertAt: number | null): StackView {
  const { spec } = useAppStore.getState();
  const report = shapesOf(spec);
  const indexOf = (id: UniqueIdentifier) => spec.layers.findIndex((l) => l.id === id);
  return {
    indexOf,
    count: spec.layers.length,
    insertAt,
    labelOf: (id) => {
      const i = indexOf(id);
      const layer = spec.layers[i];
      const name = report.layers[i]?.name;
      return layer && name ? layerLabel(name, looseDef(layer.kind).kerasClass) : null;
    },
  };
}
