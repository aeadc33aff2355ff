import { useId } from 'react';
import { Select, type Choice, type ChoiceGroup } from './Select';

interface Props<T extends string> {
  /** The visible label, which is also the select's accessible name. */
  label: string;
  value: T;
  options: readonly (Choice<T> | ChoiceGroup<T>)[];
  onChange(value: T): void;
  disabled?: boolean;
  /** A longer note on hover. */
  tooltip?: string;
  /** The wrapper's class: each panel lays its fields out its own way. */
  className?: string;
  /** No wrapper: label and select sit straight in the parent's row (chart controls). */
  inline?: boolean;
}

/** A labelled select; the label is what screen readers and tests find it by. */
export function SelectField<T extends string>({ label, className, inline, ...rest }: Props<T>) {
  const id = useId();
  const { tooltip, ...select } = rest;
  const parts = (
    <>
      <label htmlFor={id}>{label}</label>
      <Select id={id} title={tooltip} {...select} />
    </>
  );
  return inline ? parts : <div className={className ?? 'field'}>{parts}</div>;
}
