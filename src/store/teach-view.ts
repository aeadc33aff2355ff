import { useEffect } from 'react';
import { create } from 'zustand';
import { isTeachArea, noTeaching, type TeachArea, type TeachConfig } from '../core/share/teach';

/**
 * What a teaching link hides on this page and the note it shows, and which hideable areas the
 * page has mounted (the author's checklist offers those). A store of its own rather than a
 * slice of the app's: it is how this visit looks, not part of the experiment, so it must not
 * be undone with the model or autosaved. The URL sync writes it into the address beside the
 * experiment, so a reload looks the same (until the recipient shows everything).
 */
export interface TeachView extends TeachConfig {
  /** How many mounted components stand for each area (HideWhenTaught, the chart tabs). */
  mounted: Partial<Record<TeachArea, number>>;
  setTeaching(t: TeachConfig): void;
  /** The recipient's one click: every hidden part comes back; the note stays until dismissed. */
  showEverything(): void;
  dismissNote(): void;
  register(areas: readonly TeachArea[]): () => void;
}

export const useTeachView = create<TeachView>()((set) => {
  const count = (areas: readonly TeachArea[], by: number) =>
    set((s) => {
      const mounted = { ...s.mounted };
      for (const a of areas) mounted[a] = (mounted[a] ?? 0) + by;
      return { mounted };
    });
  return {
    ...noTeaching(),
    mounted: {},
    setTeaching: (t) => set({ hidden: [...t.hidden], note: t.note }),
    showEverything: () => set({ hidden: [] }),
    dismissNote: () => set({ note: '' }),
    register: (areas) => {
      count(areas, 1);
      return () => count(areas, -1);
    },
  };
});

export const selectHidden = (s: TeachView) => s.hidden;
export const selectNote = (s: TeachView) => s.note;

/** The areas on the page now, in the catalog's order. */
export const mountedAreas = (s: TeachView, catalog: readonly TeachArea[]): TeachArea[] =>
  catalog.filter((a) => (s.mounted[a] ?? 0) > 0);

/**
 * Puts areas on the teaching-link checklist while mounted. `areas` may be a new array each
 * render: registration follows its contents.
 */
export function useTeachAreas(areas: readonly TeachArea[]): void {
  const key = areas.join(' ');
  useEffect(() => {
    if (key === '') return;
    return useTeachView.getState().register(key.split(' ').filter(isTeachArea));
  }, [key]);
}

/** Whether a teaching link hides this area. */
export function useTaughtHidden(area: TeachArea): boolean {
  return useTeachView((s) => s.hidden.includes(area));
}
