import { useId } from 'react';
import type { LayerSpec } from '../../core/layers/catalog';
import { validateLayerName } from '../../core/model-spec';
import { useDraftField } from '../../components/useDraftField';
import { Icon } from '../../components/Icon';
import { useAppStore } from '../../store/store';

/**
 * The layer's Keras name; empty means the automatic one (dense, dense_1, …). Like the other
 * typed fields it is a draft until blur or Enter, so the model (and undo) only ever sees whole
 * names that are allowed, never the half-typed ones in between.
 */
export function NameField({ layer, autoName }: { layer: LayerSpec; autoName: string }) {
  const id = useId();
  const inUse = layer.name ?? '';
  const field = useDraftField(inUse, {
    parse: (text) => validateLayerName(useAppStore.getState().spec, layer.id, text),
    apply: (name: string) => {
      // Only spaces around the name in use were added: no edit, so no empty undo step.
      if (name === inUse) return null;
      const renamed = useAppStore.getState().renameLayer(layer.id, name);
      return renamed.ok ? null : renamed.reason;
    },
  });
  const errorId = `${id}-error`;

  return (
    <div className="field" data-invalid={field.error ? true : undefined}>
      <label htmlFor={`${id}-input`} className="field-label">
        <span>Name</span>
        <span className="field-hint">empty: automatic</span>
      </label>
      <input
        id={`${id}-input`}
        type="text"
        className="mono"
        spellCheck={false}
        autoComplete="off"
        placeholder={autoName}
        aria-describedby={field.error ? errorId : undefined}
        {...field.inputProps}
      />
      {field.error && (
        <p id={errorId} className="field-error">
          <Icon name="alert" size={14} />
          <span>{field.error}</span>
        </p>
      )}
    </div>
  );
}
