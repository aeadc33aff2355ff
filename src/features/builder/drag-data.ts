import type { LayerKind } from '../../core/layers/catalog';

/** The droppable that covers the whole stack, so a new layer can land in an empty one. */
export const STACK_ID = 'stack';

/** What a draggable carries: a new layer from the palette, or a layer already in the stack. */
export type DragData = { from: 'palette'; kind: LayerKind } | { from: 'stack' };

export const paletteDragId = (kind: LayerKind) => `palette:${kind}`;

export function dragDataOf(data: unknown): DragData | null {
  if (typeof data !== 'object' || data === null || !('from' in data)) return null;
  return data as DragData;
}
