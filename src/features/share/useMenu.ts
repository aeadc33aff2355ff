import { useEffect, useRef, useState } from 'react';

/** A popover menu's open state: closes on Escape (focus back to its button) and outside clicks. */
export function useMenu<T extends HTMLElement>(firstItem: string) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<T>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>(firstItem)?.focus();
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open, firstItem]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      close();
    }
  };
  return { open, setOpen, close, root, trigger, onKeyDown };
}
