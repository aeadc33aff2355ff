import type { UniqueIdentifier } from '@dnd-kit/core';
import { looseDef } from '../../core/layers/catalog';
import { useAppStore } from '../../store/store';
import { selectShapeReport } from '../../store/selectors';
import { Icon } from '../../components/Icon';
import type { DragData } from './drag-data';

/** What follows the pointer: a chip for a new layer, a slim card for a moved one. */
export function DragPreview({ id, data }: { id: UniqueIdentifier; data: DragData }) {
  const report = useAppStore(selectShapeReport);
  if (data.from === 'palette') {
    const def = looseDef(data.kind);
    return (
      <div className="drag-preview" data-group={def.group}>
        <Icon name="plus" />
        <strong>{def.kerasClass}</strong>
      </div>
    );
  }
  const layer = report.layers.find((l) => l.id === id);
  if (!layer) return null;
  return (
    <div className="drag-preview is-card" data-group={looseDef(layer.kind).group}>
      <Icon name="grip" />
      <strong>{layer.name}</strong>
      <span className="type-chip">{looseDef(layer.kind).kerasClass}</span>
    </div>
  );
}
