import { describe, expect, it } from 'vitest';
import type { ClientRect, CollisionDetection, DroppableContainer } from '@dnd-kit/core';
import { builderCollision, insertAtOf, insertionIndex } from './drop-position';
import { STACK_ID } from './drag-data';

const cards = [
  { top: 0, bottom: 40 },
  { top: 50, bottom: 90 },
  { top: 100, bottom: 140 },
];

describe('insertionIndex', () => {
  it('inserts before the first card whose middle is below the pointer', () => {
    expect(insertionIndex(-10, cards)).toBe(0);
    expect(insertionIndex(19, cards)).toBe(0);
    expect(insertionIndex(21, cards)).toBe(1);
    expect(insertionIndex(95, cards)).toBe(2);
    expect(insertionIndex(121, cards)).toBe(3);
    expect(insertionIndex(500, cards)).toBe(3);
  });

  it('reads cards in screen order and lands at 0 in an empty stack', () => {
    expect(insertionIndex(60, [...cards].reverse())).toBe(1);
    expect(insertionIndex(60, [])).toBe(0);
  });
});

const rect = (left: number, top: number, width: number, height: number): ClientRect => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

function collide(from: 'palette' | 'stack', pointer: { x: number; y: number }) {
  const rects = new Map<string, ClientRect>([
    [STACK_ID, rect(100, 0, 300, 400)],
    ['a', rect(110, 10, 280, 40)],
    ['b', rect(110, 60, 280, 40)],
  ]);
  const containers = [...rects.keys()].map((id) => ({ id }) as unknown as DroppableContainer);
  const args = {
    active: { id: 'x', data: { current: from === 'palette' ? { from, kind: 'Dense' } : { from } } },
    collisionRect: rect(pointer.x - 10, pointer.y - 10, 20, 20),
    droppableRects: rects,
    droppableContainers: containers,
    pointerCoordinates: pointer,
  } as unknown as Parameters<CollisionDetection>[0];
  return builderCollision(args);
}

describe('builderCollision', () => {
  it('gives a palette drag over the stack the index it would land at', () => {
    expect(insertAtOf(collide('palette', { x: 200, y: 5 }))).toBe(0);
    expect(insertAtOf(collide('palette', { x: 200, y: 70 }))).toBe(1);
    expect(insertAtOf(collide('palette', { x: 200, y: 350 }))).toBe(2);
  });

  it('gives a palette drag outside the stack nothing to drop on', () => {
    expect(collide('palette', { x: 20, y: 70 })).toEqual([]);
    expect(insertAtOf(collide('palette', { x: 20, y: 70 }))).toBeNull();
  });

  it('reorders a stack drag against the closest card, never the stack itself', () => {
    expect(collide('stack', { x: 200, y: 75 })[0]?.id).toBe('b');
    expect(collide('stack', { x: 200, y: 20 })[0]?.id).toBe('a');
  });
});
