import { useId } from 'react';
import { describeNumber, formatNumber, parseNumber, type NumberRule } from '../core/number-rule';
import { useDraftField } from './useDraftField';
import './number-field.css';

interface Props<N extends number | null> {
  label: string;
  /** The value in use: what the store holds, not what is being typed. */
  value: N;
  rule: NumberRule<N>;
  /** Called on a valid commit; false when the store refuses it. */
  onCommit(value: N): boolean;
  /** Shown under the field and read with it. */
  hint?: string;
  /** A longer note on hover, where the layout has no room for a line of text. */
  tooltip?: string;
  step?: number;
  disabled?: boolean;
  /** The wrapper's class: each panel lays its fields out its own way. */
  className?: string;
}

/**
 * A labelled number input whose value takes effect only when it is valid and committed (blur or
 * Enter). Until then the previous value stays in use and the field says what it accepts.
 */
export function NumberField<N extends number | null>(props: Props<N>) {
  const { label, rule, onCommit, hint } = props;
  const id = useId();
  const message = describeNumber(rule, label);
  const field = useDraftField(formatNumber(props.value), {
    parse: (text) => parseNumber(rule, label, text),
    apply: (value: N) => (onCommit(value) ? null : message),
    unreadable: message,
  });
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [field.error && errorId, hint && hintId].filter(Boolean).join(' ');
  return (
    <div className={props.className ?? 'field'} data-invalid={field.error ? true : undefined}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={rule.integer ? 'numeric' : 'decimal'}
        min={Number.isFinite(rule.min) ? rule.min : undefined}
        max={Number.isFinite(rule.max) ? rule.max : undefined}
        step={props.step ?? (rule.integer ? 1 : 'any')}
        disabled={props.disabled}
        title={props.tooltip}
        aria-describedby={describedBy || undefined}
        {...field.inputProps}
      />
      {field.error && (
        <p id={errorId} className="number-field-error">
          {field.error}
        </p>
      )}
      {hint && (
        <span id={hintId} className="number-field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
