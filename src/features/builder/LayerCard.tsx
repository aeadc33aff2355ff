import { memo } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { looseDef, type LayerSpec } from '../../core/layers/catalog';
import { formatShape, type LayerShape } from '../../core/shapes';
import { Icon } from '../../components/Icon';
import { CardActions } from './CardActions';
import { layerCaption } from './layer-caption';
import { layerLabel } from './stack-view';
import { cardDomId } from '../../components/card-focus';
import { useAppStore } from '../../store/store';
import { useRemoveLayer } from './useRemoveLayer';

interface Props {
  layer: LayerSpec;
  shape: LayerShape;
  index: number;
  selected: boolean;
  /** Where the palette drop indicator shows on this card, if here. */
  drop: 'before' | 'after' | null;
}

/** One layer in the stack: handle, name and type, key arguments, output shape, actions, error. */
export const LayerCard = memo(function LayerCard(props: Props) {
  const { layer, shape, index, selected, drop } = props;
  const def = looseDef(layer.kind);
  const label = layerLabel(shape.name, def.kerasClass);
  const remove = useRemoveLayer();
  const sortable = useSortable({ id: layer.id, data: { from: 'stack' } });
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } =
    sortable;
  const errorId = `${cardDomId(layer.id)}-error`;
  const caption = layerCaption(layer);
  const params = shape.params.trainable + shape.params.nonTrainable;

  return (
    <li
      ref={setNodeRef}
      id={cardDomId(layer.id)}
      aria-label={label}
      aria-invalid={shape.error ? true : undefined}
      className="layer-card"
      data-group={def.group}
      data-selected={selected || undefined}
      data-dragging={sortable.isDragging || undefined}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {drop && <span className={`drop-line drop-${drop}`} aria-hidden="true" />}
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="handle"
        aria-label={`Move ${shape.name}`}
        {...attributes}
        {...listeners}
      >
        <Icon name="grip" />
      </button>
      {/* Named by what it shows (name, class, caption), not by the card's shorter label: a
          speech-input user says what they see, so the name must contain it (WCAG 2.5.3). */}
      <button
        type="button"
        className="card-main"
        aria-pressed={selected}
        aria-describedby={shape.error ? errorId : undefined}
        data-card-main={layer.id}
        onClick={() => useAppStore.getState().select(layer.id)}
        onKeyDown={(e) => {
          if (e.key !== 'Delete' && e.key !== 'Backspace') return;
          e.preventDefault();
          remove(layer.id);
        }}
      >
        <span className="card-title">
          <span className="card-index" aria-hidden="true">
            {index + 1}
          </span>
          <strong className="card-name">{shape.name}</strong>
          <span className="type-chip">{def.kerasClass}</span>
        </span>
        {caption && <span className="card-caption">{caption}</span>}
      </button>
      <span className="card-shape" title="Output shape">
        <span className="mono">{shape.output ? formatShape(shape.output) : '?'}</span>
        <span className="card-params">{params.toLocaleString('en-US')} params</span>
      </span>
      <CardActions id={layer.id} name={shape.name} />
      {shape.error && (
        <p id={errorId} className="card-error">
          <Icon name="alert" size={14} />
          <span>{shape.error.message}</span>
        </p>
      )}
    </li>
  );
});
