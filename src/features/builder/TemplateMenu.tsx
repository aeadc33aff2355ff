import { useEffect, useId, useRef, useState } from 'react';
import { TEMPLATES, type TemplateId } from '../../core/templates';
import { Icon } from '../../components/Icon';
import { announce } from '../../components/announcer';
import { useAppStore } from '../../store/store';

/** Starting points from core/templates; loading one replaces the model and can be undone. */
export function TemplateMenu() {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[data-template]')?.focus();
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
  const load = (id: TemplateId, title: string) => {
    if (useAppStore.getState().loadTemplate(id).ok) announce(`Loaded the ${title} template.`);
    close();
  };

  return (
    <div
      ref={root}
      className="menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
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
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="template" />
        <span>Templates</span>
        <Icon name="chevron" size={14} />
      </button>
      <ul id={menuId} className="menu-panel" aria-label="Templates" hidden={!open}>
        {TEMPLATES.map((t) => (
          <li key={t.id}>
            <button type="button" data-template={t.id} onClick={() => load(t.id, t.title)}>
              <strong>{t.title}</strong>
              <span>{t.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
