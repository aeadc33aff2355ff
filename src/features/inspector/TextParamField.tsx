import { useState } from 'react';
import type { LayerSpec } from '../../core/layers/catalog';
import { useAppStore } from '../../store/store';
import { FieldShell } from './FieldShell';
import { formatField, parseField, rangeHint, type TextField } from './field-text';
import { useTypingSession } from './typing-session';
import { inlineReason } from './inline-reason';

interface Props {
  layer: LayerSpec;
  field: TextField;
  value: unknown;
}

/**
 * A typed argument (int, float, list). Each valid keystroke applies live; while the text is
 * invalid it stays in the input with the reason below, and the model keeps its last good value.
 * Escape puts the model's value back.
 */
export function TextParamField({ layer, field, value }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const typing = useTypingSession();
  const noneHint = field.type !== 'float' && field.nullable ? `None: ${field.nullable}` : '';

  const change = (text: string) => {
    setDraft(text);
    const parsed = parseField(field, text);
    if (!parsed.ok) {
      setError(parsed.reason);
      return;
    }
    const { updateParams } = useAppStore.getState();
    const applied = updateParams(
      layer.id,
      { [field.name]: parsed.value },
      { typing: typing.current() },
    );
    setError(applied.ok ? null : inlineReason(applied.reason));
  };
  const revert = () => {
    setDraft(null);
    setError(null);
  };

  return (
    <FieldShell field={field} hint={rangeHint(field)} error={error}>
      {(ids) => (
        <input
          id={ids.input}
          type="text"
          inputMode={field.type === 'float' ? 'decimal' : field.type === 'int' ? 'numeric' : 'text'}
          spellCheck={false}
          autoComplete="off"
          className="mono"
          value={draft ?? formatField(field, value)}
          placeholder={noneHint ? 'None' : undefined}
          aria-invalid={error !== null || undefined}
          aria-describedby={ids.describedBy}
          onFocus={typing.start}
          onChange={(e) => change(e.target.value)}
          onBlur={() => {
            if (error === null) setDraft(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && draft !== null) {
              e.preventDefault();
              revert();
            }
          }}
        />
      )}
    </FieldShell>
  );
}
