import { useStore } from 'zustand';
import { IconButton } from '../../components/IconButton';
import { redo, undo, useAppStore } from '../../store/store';
import { selectCanRedo, selectCanUndo } from '../../store/selectors';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function UndoRedo() {
  const canUndo = useStore(useAppStore.temporal, selectCanUndo);
  const canRedo = useStore(useAppStore.temporal, selectCanRedo);
  return (
    <>
      <IconButton
        icon="undo"
        label="Undo"
        title={`Undo (${mod}Z)`}
        aria-keyshortcuts="Control+Z Meta+Z"
        disabled={!canUndo}
        onClick={() => undo()}
      />
      <IconButton
        icon="redo"
        label="Redo"
        title={`Redo (${mod}Shift+Z)`}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        disabled={!canRedo}
        onClick={() => redo()}
      />
    </>
  );
}
