import { useId, useState } from 'react';

interface Props {
  label: string;
  value: number | null;
  /** Returns false when the value is refused; the field then shows it as invalid. */
  onCommit(value: number | null): boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
  /** Empty input means null (e.g. no gradient clipping). */
  allowEmpty?: boolean;
  disabled?: boolean;
  hint?: string;
}

/**
 * A number input that commits every valid value as it is typed (so a new learning rate reaches
 * a running training at once) and shows the stored value again when it loses focus.
 */
export function NumberField({
  label,
  value,
  onCommit,
  min,
  max,
  step,
  allowEmpty,
  disabled,
  hint,
}: Props) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const change = (text: string) => {
    setDraft(text);
    const trimmed = text.trim();
    if (trimmed === '') return setInvalid(!(allowEmpty && onCommit(null)));
    const n = Number(trimmed);
    setInvalid(!Number.isFinite(n) || !onCommit(n));
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={draft ?? (value === null ? '' : String(value))}
        min={min}
        max={max}
        step={step ?? 'any'}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        title={hint}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          setDraft(null);
          setInvalid(false);
        }}
      />
    </div>
  );
}
