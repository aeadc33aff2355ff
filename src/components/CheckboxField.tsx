import type { ReactNode } from 'react';

interface Props {
  /** The text after the box, which is also its accessible name. */
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  className?: string;
}

/** A checkbox inside its label, so the whole text toggles it. */
export function CheckboxField({ label, checked, onChange, disabled, className }: Props) {
  return (
    <label className={className}>
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}
