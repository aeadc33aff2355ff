import { IconButton } from '../../components/IconButton';
import { announce } from '../../components/announcer';
import { useAppStore } from '../../store/store';
import { focusCard } from '../../components/card-focus';
import { useRemoveLayer } from './useRemoveLayer';

/** Duplicate and remove, named after the layer so a screen reader knows which card they act on. */
export function CardActions({ id, name }: { id: string; name: string }) {
  const remove = useRemoveLayer();
  const duplicate = () => {
    const copy = useAppStore.getState().duplicateLayer(id);
    if (!copy.ok) return;
    announce(`Duplicated ${name}.`);
    focusCard(copy.value);
  };
  return (
    <span className="card-actions">
      <IconButton icon="copy" label={`Duplicate ${name}`} onClick={duplicate} />
      <IconButton
        icon="trash"
        label={`Remove ${name}`}
        className="danger"
        onClick={() => remove(id)}
      />
    </span>
  );
}
