import {
  closestCenter,
  type Collision,
  type CollisionDetection,
  type DroppableContainer,
} from '@dnd-kit/core';
import { STACK_ID, dragDataOf } from './drag-data';

export interface Span {
  top: number;
  bottom: number;
}

/** Where a new layer lands: before the first card whose middle is below the pointer. */
export function insertionIndex(pointerY: number, cards: readonly Span[]): number {
  const sorted = [...cards].sort((a, b) => a.top - b.top);
  const below = sorted.findIndex((c) => pointerY < (c.top + c.bottom) / 2);
  return below === -1 ? sorted.length : below;
}

/** A palette drag reports its insertion index on the stack collision, read back in onDragMove. */
export interface InsertCollision extends Collision {
  data: { insertAt: number };
}

export function insertAtOf(collisions: readonly Collision[] | null): number | null {
  const first = collisions?.[0];
  const at: unknown = first?.data?.insertAt;
  return first?.id === STACK_ID && typeof at === 'number' ? at : null;
}

const isCard = (c: DroppableContainer) => c.id !== STACK_ID;

/**
 * Reordering uses the closest card centre (what sortableKeyboardCoordinates expects); a palette
 * drag is over the stack while the pointer is inside it and carries where it would land.
 */
export const builderCollision: CollisionDetection = (args) => {
  const data = dragDataOf(args.active.data.current);
  if (data?.from !== 'palette') {
    return closestCenter({ ...args, droppableContainers: args.droppableContainers.filter(isCard) });
  }
  const stack = args.droppableRects.get(STACK_ID);
  const rect = args.collisionRect;
  const x = args.pointerCoordinates?.x ?? rect.left + rect.width / 2;
  const y = args.pointerCoordinates?.y ?? rect.top + rect.height / 2;
  if (!stack || x < stack.left || x > stack.right || y < stack.top || y > stack.bottom) return [];
  const cards = args.droppableContainers.filter(isCard).flatMap((c) => {
    const r = args.droppableRects.get(c.id);
    return r ? [{ top: r.top, bottom: r.bottom }] : [];
  });
  const hit: InsertCollision = { id: STACK_ID, data: { insertAt: insertionIndex(y, cards) } };
  return [hit];
};
