import type { Announcements, UniqueIdentifier } from '@dnd-kit/core';
import { dragDataOf } from './drag-data';

/** What the announcements read about the stack at the moment they speak. */
export interface StackView {
  /** "dense_1 (Dense)" for a layer id, null for anything else. */
  labelOf(id: UniqueIdentifier): string | null;
  /** 0-based position of a layer id, -1 if absent. */
  indexOf(id: UniqueIdentifier): number;
  count: number;
  /** Where a palette drag lands (or landed), or null when it is not over the stack or was refused. */
  insertAt: number | null;
}

type Active = { id: UniqueIdentifier; data: { current?: unknown } };

/**
 * Screen-reader sentences for both kinds of drag, in plain words with 1-based positions. `view`
 * is read at each event, so the object can stay the same while the stack changes.
 */
export function builderAnnouncements(view: () => StackView): Announcements {
  const paletteKind = (active: Active) => {
    const data = dragDataOf(active.data.current);
    return data?.from === 'palette' ? data.kind : null;
  };
  const layer = (id: UniqueIdentifier) => view().labelOf(id) ?? 'the layer';
  const where = (v: StackView, index: number) => `position ${index + 1} of ${v.count}`;
  const landing = (kind: string) => {
    const v = view();
    return v.insertAt === null
      ? `${kind} is not over the stack.`
      : `${kind} will be added at position ${v.insertAt + 1} of ${v.count + 1}.`;
  };

  // dnd-kit reports a sorted item "over" its own place as soon as it is picked up; saying so
  // would cut off "Picked up …", so that first echo is skipped.
  let moved = false;

  return {
    onDragStart({ active }) {
      moved = false;
      const kind = paletteKind(active);
      if (kind) return `Picked up ${kind} from the palette.`;
      const v = view();
      return `Picked up ${layer(active.id)}, at ${where(v, v.indexOf(active.id))}.`;
    },
    onDragOver({ active, over }) {
      const kind = paletteKind(active);
      if (kind) return landing(kind);
      if (!over) return `${layer(active.id)} is no longer over the stack.`;
      if (over.id === active.id && !moved) return undefined;
      moved = true;
      const v = view();
      return `${layer(active.id)} moved to ${where(v, v.indexOf(over.id))}.`;
    },
    onDragEnd({ active }) {
      const kind = paletteKind(active);
      const v = view();
      if (kind) {
        return v.insertAt === null
          ? `${kind} was not added.`
          : `Added ${kind} at position ${v.insertAt + 1}.`;
      }
      // Read after the move has been applied, so this is where the layer now is.
      return `Dropped ${layer(active.id)} at ${where(v, v.indexOf(active.id))}.`;
    },
    onDragCancel({ active }) {
      const kind = paletteKind(active);
      if (kind) return `Cancelled: ${kind} was not added.`;
      const v = view();
      return `Cancelled: ${layer(active.id)} stays at ${where(v, v.indexOf(active.id))}.`;
    },
  };
}

export const SCREEN_READER_INSTRUCTIONS =
  'To move a layer, press Space or Enter on its move handle, use the Up and Down arrow keys to ' +
  'choose its new position, then press Space or Enter to drop it, or Escape to cancel.';
