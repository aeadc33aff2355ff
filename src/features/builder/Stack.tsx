import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMemo } from 'react';
import { useAppStore } from '../../store/store';
import { selectSelectedId, selectShapeReport, selectSpec } from '../../store/selectors';
import { STACK_ID } from './drag-data';
import { useDropState } from './drop-context';
import { LayerCard } from './LayerCard';

/** The model, first layer at the top: a sortable list that also takes drops from the palette. */
export function Stack() {
  const spec = useAppStore(selectSpec);
  const report = useAppStore(selectShapeReport);
  const selectedId = useAppStore(selectSelectedId);
  const { insertAt, paletteDrag } = useDropState();
  const { setNodeRef } = useDroppable({ id: STACK_ID });
  const ids = useMemo(() => spec.layers.map((l) => l.id), [spec]);
  const count = spec.layers.length;

  return (
    <div
      ref={setNodeRef}
      className="stack"
      data-receiving={paletteDrag || undefined}
      data-over={insertAt !== null || undefined}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol aria-label="Layers" className="stack-list">
          {spec.layers.map((layer, i) => {
            const shape = report.layers[i];
            if (!shape) return null;
            return (
              <LayerCard
                key={layer.id}
                layer={layer}
                shape={shape}
                index={i}
                selected={layer.id === selectedId}
                drop={
                  insertAt === i ? 'before' : insertAt === count && i === count - 1 ? 'after' : null
                }
              />
            );
          })}
        </ol>
      </SortableContext>
      {count > 0 && (
        // Room below the last card to drop onto, and a hint that it is there (pointer only).
        <p className="stack-end" aria-hidden="true" data-over={insertAt === count || undefined}>
          Drag a layer here to add it at the end
        </p>
      )}
      {count === 0 && (
        <p className="stack-empty" data-over={insertAt !== null || undefined}>
          The model is empty. Drag an <strong>Input</strong> here from the palette (or press it), or
          start from a template.
        </p>
      )}
    </div>
  );
}
