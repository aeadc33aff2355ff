import type { SelectHTMLAttributes } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** Choices shown under a heading (an optgroup). */
export interface ChoiceGroup<T extends string> {
  group: string;
  options: readonly Choice<T>[];
}

type Native = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'>;

interface Props<T extends string> extends Native {
  value: T;
  options: readonly (Choice<T> | ChoiceGroup<T>)[];
  onChange(value: T): void;
}

function option<T extends string>(o: Choice<T>) {
  return (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
}

/**
 * A select typed by its values. It names nothing itself: the caller labels it (a label's
 * htmlFor, aria-label), so it also fits inside a field shell that owns the label and help.
 */
export function Select<T extends string>({ value, options, onChange, ...native }: Props<T>) {
  return (
    <select {...native} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {options.map((o) =>
        'group' in o ? (
          <optgroup key={o.group} label={o.group}>
            {o.options.map(option)}
          </optgroup>
        ) : (
          option(o)
        ),
      )}
    </select>
  );
}
