import { useId, type ReactNode } from 'react';
import type { FieldDef } from '../../core/layers/types';
import { Icon } from '../../components/Icon';

export interface FieldIds {
  input: string;
  describedBy: string;
}

interface Props {
  field: FieldDef;
  /** The allowed range, shown beside the name. */
  hint?: string;
  error?: string | null;
  /** Checkboxes put their label after the box. */
  inline?: boolean;
  /** Shown under the help text (an activation's formula). */
  after?: ReactNode;
  children: (ids: FieldIds) => ReactNode;
}

/** Label (the Keras argument name), range, help and inline error around one input. */
export function FieldShell({ field, hint, error, inline, after, children }: Props) {
  const base = useId();
  const ids = {
    input: `${base}-input`,
    help: `${base}-help`,
    error: `${base}-error`,
  };
  const describedBy = error ? `${ids.error} ${ids.help}` : ids.help;
  const label = (
    <label htmlFor={ids.input} className="field-label">
      <span className="mono">{field.name}</span>
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
  return (
    <div
      className="field"
      data-inline={inline || undefined}
      data-invalid={error ? true : undefined}
    >
      {inline ? (
        <div className="field-row">
          {children({ input: ids.input, describedBy })}
          {label}
        </div>
      ) : (
        <>
          {label}
          {children({ input: ids.input, describedBy })}
        </>
      )}
      {error && (
        <p id={ids.error} className="field-error">
          <Icon name="alert" size={14} />
          <span>{error}</span>
        </p>
      )}
      <p id={ids.help} className="field-help">
        {field.help}
      </p>
      {after}
    </div>
  );
}
