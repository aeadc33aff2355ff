import { useId, useState } from 'react';
import type { LayerSpec } from '../../core/layers/catalog';
import { useAppStore } from '../../store/store';
import { Icon } from '../../components/Icon';
import { useTypingSession } from './typing-session';

/** The layer's Keras name; empty means the automatic one (dense, dense_1, …). */
export function NameField({ layer, autoName }: { layer: LayerSpec; autoName: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const typing = useTypingSession();
  const id = useId();

  const change = (text: string) => {
    setDraft(text);
    const renamed = useAppStore
      .getState()
      .renameLayer(layer.id, text, { typing: typing.current() });
    setError(renamed.ok ? null : renamed.reason);
  };

  return (
    <div className="field" data-invalid={error ? true : undefined}>
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
        value={draft ?? layer.name ?? ''}
        placeholder={autoName}
        aria-invalid={error !== null || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onFocus={typing.start}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          if (error === null) setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && draft !== null) {
            e.preventDefault();
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          <Icon name="alert" size={14} />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
