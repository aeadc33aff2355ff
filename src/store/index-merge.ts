import type { LibraryIndex } from './persistence';

/**
 * Two tabs share one index of saved experiments, and each writes it whole. Before a write, the
 * stored index is merged in, so a tab never drops an experiment another tab created; when
 * another tab writes, its list is taken, so a rename or delete there shows here.
 */

/** Before this tab writes: its own entries win, entries it does not know are kept. */
export function mergeIndex(
  stored: LibraryIndex,
  mine: LibraryIndex,
  removedHere: ReadonlySet<string>,
): LibraryIndex {
  const ours = new Map(mine.entries.map((e) => [e.id, e]));
  const theirs = stored.entries.filter((e) => !ours.has(e.id) && !removedHere.has(e.id));
  return { activeId: mine.activeId, entries: [...mine.entries, ...theirs] };
}

/**
 * After another tab wrote: its list wins, but the experiment open here stays listed even if
 * that tab deleted it, since it is still on screen here and may have edits to save.
 */
export function adoptIndex(stored: LibraryIndex, mine: LibraryIndex): LibraryIndex {
  const open = mine.entries.find((e) => e.id === mine.activeId);
  const listed = open === undefined || stored.entries.some((e) => e.id === open.id);
  return {
    activeId: mine.activeId,
    entries: listed ? stored.entries : [...stored.entries, open],
  };
}
