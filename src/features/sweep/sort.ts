import type { RunSummary } from '../../core/sweep/results';
import type { SweepValue } from '../../core/sweep/definition';

/** A table column: a varied thing (by position) or a result. */
export type SortKey = { kind: 'value'; k: number } | { kind: 'field'; field: keyof RunSummary };
export interface Sort {
  key: SortKey;
  dir: 'ascending' | 'descending';
}

const cellOf = (s: RunSummary, key: SortKey): SweepValue | null =>
  key.kind === 'value' ? (s.values[key.k] ?? null) : (s[key.field] as SweepValue | null);

/** Sorted copy; runs with no value (null) go last whichever the direction. */
export function sortSummaries(rows: readonly RunSummary[], sort: Sort): RunSummary[] {
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = cellOf(a, sort.key);
    const y = cellOf(b, sort.key);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y) || a.index - b.index;
    return sign * String(x).localeCompare(String(y)) || a.index - b.index;
  });
}

export const sameKey = (a: SortKey, b: SortKey) => JSON.stringify(a) === JSON.stringify(b);
