import { validateParams, type LayerSpec } from '../../core/layers/catalog';
import type { Result } from '../../core/result';
import { useDraftField } from '../../components/useDraftField';
import { useAppStore } from '../../store/store';
import { FieldShell } from './FieldShell';
import { formatField, parseField, rangeHint, type TextField } from './field-text';
import { inlineReason } from './inline-reason';

interface Props {
  layer: LayerSpec;
  field: TextField;
  value: unknown;
}

type Value = number | number[] | null;

/**
 * A typed argument (int, float, list). The range is checked as it is typed and explained below;
 * the model takes the value only on blur or Enter, so a prefix of what is being typed (the "5"
 * of "500") never reaches it. Escape puts the model's value back.
 */
export function TextParamField({ layer, field, value }: Props) {
  const noneHint = field.type !== 'float' && field.nullable ? `None: ${field.nullable}` : '';
  const parse = (text: string): Result<Value> => {
    const parsed = parseField(field, text);
    if (!parsed.ok) return parsed;
    const checked = validateParams(layer.kind, { ...layer.params, [field.name]: parsed.value });
    return checked.ok ? parsed : checked;
  };
  const draft = useDraftField(formatField(field, value), {
    parse,
    apply: (v: Value) => {
      const applied = useAppStore.getState().updateParams(layer.id, { [field.name]: v });
      return applied.ok ? null : inlineReason(applied.reason);
    },
  });

  return (
    <FieldShell field={field} hint={rangeHint(field)} error={draft.error}>
      {(ids) => (
        <input
          id={ids.input}
          type="text"
          inputMode={field.type === 'float' ? 'decimal' : field.type === 'int' ? 'numeric' : 'text'}
          spellCheck={false}
          autoComplete="off"
          className="mono"
          placeholder={noneHint ? 'None' : undefined}
          aria-describedby={ids.describedBy}
          {...draft.inputProps}
        />
      )}
    </FieldShell>
  );
}
