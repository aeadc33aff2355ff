import { useEffect, useId, useRef, useState } from 'react';
import { Icon, type IconName } from './Icon';

export interface MenuItem {
  key: string;
  /** The item's first words: its accessible name starts with them. */
  title: string;
  description: string;
  disabled?: boolean;
  onSelect(): void | Promise<void>;
}

interface Props {
  /** The button's text and the list's accessible name. */
  label: string;
  icon: IconName;
  items: readonly MenuItem[];
}

/**
 * A button that shows a list of actions. Opening it moves the focus to the first item that can be
 * used; Escape, a choice or a click elsewhere closes it, and the first two give the focus back to
 * the button so keyboard users stay where they were.
 */
export function Menu({ label, icon, items }: Props) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('li button:not(:disabled)')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  return (
    <div
      ref={root}
      className="menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          // The menu takes this Escape: a dialog or panel around it must not close as well.
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={trigger}
        type="button"
        className="with-text"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name={icon} />
        <span>{label}</span>
        <Icon name="chevron" size={14} />
      </button>
      <ul id={panelId} className="menu-panel" aria-label={label} hidden={!open}>
        {items.map((item) => (
          <li key={item.key}>
            <button
              type="button"
              disabled={item.disabled}
              onClick={() => {
                void item.onSelect();
                close();
              }}
            >
              <strong>{item.title}</strong>
              <span>{item.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
