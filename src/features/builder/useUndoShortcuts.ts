import { useEffect } from 'react';
import { redo, undo } from '../../store/store';
import { undoShortcut } from './shortcuts';

/** Ctrl/Cmd+Z and friends anywhere on the page, except inside text fields. */
export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = undoShortcut(e);
      if (!action) return;
      e.preventDefault();
      if (action === 'undo') undo();
      else redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
