import { SelectField } from '../../../components/SelectField';
import { layerNames } from '../../../core/model-spec';
import { useAppStore } from '../../../store/store';

const DEFAULT = '';

/**
 * Which layer the embedding view projects. The worker projects it at every epoch end, so a new
 * choice applies from the next run; the sentence says which layer this run shows and which the
 * next will.
 */
export function EmbeddingLayerField({ shownName }: { shownName: string | null }) {
  const spec = useAppStore((s) => s.spec);
  const chosenId = useAppStore((s) => s.embeddingLayerId);
  const setChoice = useAppStore((s) => s.setEmbeddingLayer);
  const names = layerNames(spec);
  const last = spec.layers.length - 1;
  const defaultIndex = last >= 2 ? last - 1 : last;
  const chosenIndex = spec.layers.findIndex((l) => l.id === chosenId);
  const nextIndex = chosenIndex >= 1 ? chosenIndex : defaultIndex;
  const nextName = nextIndex >= 1 ? (names[nextIndex] ?? null) : null;
  const options = [
    {
      value: DEFAULT,
      label: `Default: the layer before the output${defaultIndex >= 1 ? ` (${names[defaultIndex]})` : ''}`,
    },
    ...spec.layers.slice(1).map((l, k) => ({ value: l.id, label: names[k + 1] ?? l.id })),
  ];
  return (
    <div className="embedding-layer">
      <SelectField
        label="Embedding layer"
        value={chosenIndex >= 1 ? (chosenId ?? DEFAULT) : DEFAULT}
        options={options}
        onChange={(id) => setChoice(id === DEFAULT ? null : id)}
      />
      <p className="hint" data-testid="embedding-layer-note">
        {shownName === null
          ? `Applies from the next run, which will project ${nextName ?? 'no layer'}.`
          : shownName === nextName
            ? `This run projects ${shownName}; a different choice applies from the next run.`
            : `Applies from the next run: this run projects ${shownName}, the next will project ${nextName ?? 'no layer'}.`}
      </p>
    </div>
  );
}
