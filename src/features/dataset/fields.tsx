import { useId, useState, type ReactNode } from 'react';

/** Small labelled controls for the data panel: every one has a visible label as its name. */

interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  disabled?: boolean;
  hint?: string;
}

export function SelectField<T extends string>(props: SelectProps<T>) {
  const id = useId();
  return (
    <div className="data-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        title={props.hint}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface NumberProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Whole numbers only when true. */
  integer?: boolean;
  step?: number;
  /** Returns false when the value is refused; the field then shows it as invalid. */
  onCommit(value: number): boolean;
  hint?: string;
  disabled?: boolean;
}

/**
 * Commits each valid value as it is typed (the data follows at once, prepared off the page) and
 * shows the stored value again on blur, so a half-typed "0." never sticks.
 */
export function NumberField(props: NumberProps) {
  const id = useId();
  const hintId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const change = (text: string) => {
    setDraft(text);
    const n = Number(text.trim());
    const ok =
      text.trim() !== '' &&
      Number.isFinite(n) &&
      n >= props.min &&
      n <= props.max &&
      (!props.integer || Number.isInteger(n));
    setInvalid(!(ok && props.onCommit(n)));
  };
  return (
    <div className="data-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode={props.integer ? 'numeric' : 'decimal'}
        value={draft ?? String(props.value)}
        min={props.min}
        max={props.max}
        step={props.step ?? (props.integer ? 1 : 'any')}
        disabled={props.disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={props.hint ? hintId : undefined}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          setDraft(null);
          setInvalid(false);
        }}
      />
      {props.hint && (
        <span id={hintId} className="data-field-hint">
          {props.hint}
        </span>
      )}
    </div>
  );
}

export function CheckboxField(props: {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
}) {
  return (
    <label className="data-check">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}
