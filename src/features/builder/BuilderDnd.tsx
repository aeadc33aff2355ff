import { useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  defaultDropAnimation,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type PointerSensorOptions,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useAppStore } from '../../store/store';
import { dragDataOf, type DragData } from './drag-data';
import { builderCollision, insertAtOf } from './drop-position';
import { DropContext, type DropState } from './drop-context';
import { DragPreview } from './DragPreview';
import { createDropTracker } from './drop-tracker';

/**
 * The pointer sensor for mice and pens only: a finger goes to the touch sensor, which waits for
 * a short press so that a swipe over the palette or the stack still scrolls the page.
 */
class MousePenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: (
        { nativeEvent: event }: ReactPointerEvent,
        { onActivation }: PointerSensorOptions,
      ) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch') return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

interface Dragging {
  id: UniqueIdentifier;
  data: DragData;
}

/** One drag-and-drop context around the palette and the stack, so layers can move between them. */
export function BuilderDnd({ children }: { children: ReactNode }) {
  const [dragging, setDragging] = useState<Dragging | null>(null);
  const [insertAt, setInsertAt] = useState<number | null>(null);
  const [tracker] = useState(createDropTracker);
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on a card still selects it.
    useSensor(MousePenSensor, { activationConstraint: { distance: 6 } }),
    // On a touch screen a swipe scrolls the page: a drag starts after a short press instead.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const track = ({ active, collisions }: DragMoveEvent) => {
    const fromPalette = dragDataOf(active.data.current)?.from === 'palette';
    const at = fromPalette ? insertAtOf(collisions) : null;
    tracker.setInsertAt(at);
    setInsertAt(at);
  };

  const start = ({ active }: DragStartEvent) => {
    const data = dragDataOf(active.data.current);
    tracker.setInsertAt(null);
    setDragging(data ? { id: active.id, data } : null);
  };

  const end = ({ active, over }: DragEndEvent) => {
    const data = dragging?.data;
    if (data?.from === 'palette') {
      const at = tracker.insertAt;
      // Not useAddLayer: dnd-kit's own announcement already says where it landed.
      const { addLayer } = useAppStore.getState();
      if (at !== null && !addLayer(data.kind, at).ok) tracker.setInsertAt(null);
    } else if (over) {
      const { spec, moveLayer } = useAppStore.getState();
      const from = spec.layers.findIndex((l) => l.id === active.id);
      const to = spec.layers.findIndex((l) => l.id === over.id);
      if (from >= 0 && to >= 0 && from !== to) moveLayer(from, to);
    }
    reset();
  };

  const reset = () => {
    setDragging(null);
    setInsertAt(null);
  };

  const state: DropState = {
    insertAt,
    paletteDrag: dragging?.data.from === 'palette',
    activeId: dragging?.id ?? null,
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={builderCollision}
      // Scroll only within a thin band at the edges: dnd-kit's default (a fifth of the
      // viewport) starts scrolling as soon as a low palette item is picked up.
      autoScroll={{ threshold: { x: 0, y: 0.08 } }}
      accessibility={tracker.accessibility}
      onDragStart={start}
      onDragMove={track}
      onDragOver={track}
      onDragEnd={end}
      onDragCancel={reset}
    >
      <DropContext.Provider value={state}>{children}</DropContext.Provider>
      <DragOverlay dropAnimation={dragging?.data.from === 'palette' ? null : defaultDropAnimation}>
        {dragging && <DragPreview id={dragging.id} data={dragging.data} />}
      </DragOverlay>
    </DndContext>
  );
}
