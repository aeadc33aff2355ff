import { useId, type PointerEventHandler, type TouchEventHandler } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { Icon } from '../../components/Icon';
import { paletteDragId, type DragData } from './drag-data';
import type { PaletteDef } from './palette-filter';
import { useAddLayer } from './useAddLayer';

/**
 * A button that adds its layer (Enter, Space or a click) and can be dragged with a pointer.
 * Only the pointer and touch listeners are wired: Enter must add, not start a keyboard drag.
 */
export function PaletteItem({ def, hintId }: { def: PaletteDef; hintId: string }) {
  const add = useAddLayer();
  const helpId = useId();
  const kind = def.kind;
  const data: DragData = { from: 'palette', kind };
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: paletteDragId(kind), data });
  return (
    <li>
      <button
        ref={setNodeRef}
        type="button"
        className="palette-item"
        data-group={def.group}
        data-dragging={isDragging || undefined}
        aria-label={`Add ${def.kind}`}
        aria-describedby={`${helpId} ${hintId}`}
        title={def.help}
        onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
        onTouchStart={listeners?.onTouchStart as TouchEventHandler | undefined}
        onClick={() => add(kind)}
      >
        <span className="swatch" aria-hidden="true" />
        <span className="palette-name">{def.kind}</span>
        <span className="palette-add" aria-hidden="true">
          <Icon name="plus" size={14} />
        </span>
      </button>
      <span id={helpId} hidden>
        {def.help}
      </span>
    </li>
  );
}
