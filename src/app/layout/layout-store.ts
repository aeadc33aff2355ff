import { create } from 'zustand';
import type { KeyValue } from '../../store/persistence';
import {
  defaultLayout,
  LAYOUT_KEY,
  moveBoundary,
  readLayout,
  serialiseLayout,
  type LayoutPrefs,
} from './layout-prefs';

export interface LayoutState extends LayoutPrefs {
  toggle(title: string): void;
  /** Moves a column boundary by a share of the width (see moveBoundary). */
  resize(edge: 0 | 1, delta: number): void;
  reset(): void;
}

/** The page's localStorage, or null where there is none or it is blocked. */
function pageStorage(): KeyValue | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(storage: KeyValue | null): LayoutPrefs {
  try {
    return readLayout(storage?.getItem(LAYOUT_KEY) ?? null);
  } catch {
    return defaultLayout;
  }
}

/** A store of its own: the layout is no part of the experiment, its undo history or its link. */
export function createLayoutStore(storage: KeyValue | null) {
  const store = create<LayoutState>()((set) => ({
    ...read(storage),
    toggle: (title) =>
      set((s) => ({
        collapsed: s.collapsed.includes(title)
          ? s.collapsed.filter((t) => t !== title)
          : [...s.collapsed, title],
      })),
    resize: (edge, delta) => set((s) => ({ shares: moveBoundary(s.shares, edge, delta) })),
    reset: () => set(defaultLayout),
  }));
  store.subscribe((s, before) => {
    if (s.collapsed === before.collapsed && s.shares === before.shares) return;
    try {
      storage?.setItem(LAYOUT_KEY, serialiseLayout({ collapsed: s.collapsed, shares: s.shares }));
    } catch {
      // Full or blocked: the layout is not remembered next time; nothing the user made is lost.
    }
  });
  return store;
}

export const useLayoutStore = createLayoutStore(pageStorage());
