import type { ButtonHTMLAttributes } from 'react';
import { Icon, type IconName } from './Icon';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'children'> & {
  icon: IconName;
  /** The accessible name, also shown as the tooltip: an icon alone names nothing. */
  label: string;
  /** Visible text next to the icon; the label stays the accessible name. */
  text?: string;
};

export function IconButton({ icon, label, text, className, ...rest }: Props) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className={`icon-button${text ? ' with-text' : ''}${className ? ` ${className}` : ''}`}
      {...rest}
    >
      <Icon name={icon} />
      {text && <span>{text}</span>}
    </button>
  );
}
