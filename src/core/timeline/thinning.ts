/**
 * Which snapshots to keep when a run's history outgrows its budget: `keep` of `count`, spread
 * evenly, always the first and the last (where the run began and where it ended). Returns the
 * kept positions in order.
 */
export function thinEvenly(count: number, keep: number): number[] {
  if (count <= 0) return [];
  if (keep >= count) return Array.from({ length: count }, (_, i) => i);
  if (keep <= 1) return [count - 1];
  const kept = new Set<number>();
  for (let k = 0; k < keep; k++) kept.add(Math.round((k * (count - 1)) / (keep - 1)));
  return [...kept].sort((a, b) => a - b);
}

/** The history budget: the UI states it; older snapshots are thinned past it. */
export const TIMELINE_BUDGET_BYTES = 64 * 1024 * 1024;

/** A snapshot's size as kept in memory and IndexedDB: its JSON is a fair, cheap measure. */
export const snapshotBytes = (snapshot: unknown): number => JSON.stringify(snapshot).length * 2;
