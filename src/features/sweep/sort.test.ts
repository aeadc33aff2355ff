import { describe, expect, it } from 'vitest';
import type { SweepValue } from '../../core/sweep/definition';
import type { RunSummary } from '../../core/sweep/results';
import { sameKey, sortSummaries, type Sort } from './sort';

const row = (index: number, values: SweepValue[], bestValLoss: number | null): RunSummary => ({
  index,
  values,
  outcome: bestValLoss === null ? 'not run' : 'finished',
  bestValLoss,
  finalValLoss: bestValLoss,
  finalLoss: bestValLoss,
  finalMetric: null,
  epochs: bestValLoss === null ? 0 : 3,
  timeMs: 10 * index,
});

// Listed out of index order, so "stable" cannot pass by leaving the input alone.
const rows = [
  row(4, [0.1, 'relu'], 0.5),
  row(2, [0.01, 'tanh'], null),
  row(5, [0.001, 'relu'], 0.25),
  row(1, [0.1, 'tanh'], 0.5),
  row(3, [0.01, 'elu'], 2),
  row(6, [0.001, 'elu'], null),
];
const order = (sort: Sort) => sortSummaries(rows, sort).map((r) => r.index);
const by = (field: keyof RunSummary, dir: Sort['dir']): Sort => ({
  key: { kind: 'field', field },
  dir,
});

describe('sorting the sweep results', () => {
  it('orders numbers by value, up and down, never as text', () => {
    // As text, 2 would sort after 0.5 but "10" before "2": numbers compare as numbers.
    const times = [row(1, [10], 10), row(2, [2], 2), row(3, [0.5], 0.5)];
    expect(
      sortSummaries(times, { key: { kind: 'value', k: 0 }, dir: 'ascending' }).map((r) => r.index),
    ).toEqual([3, 2, 1]);
    expect(order(by('bestValLoss', 'ascending'))).toEqual([5, 1, 4, 3, 2, 6]);
    expect(order(by('bestValLoss', 'descending'))).toEqual([3, 1, 4, 5, 2, 6]);
  });

  it('puts runs with no value last in both directions', () => {
    for (const dir of ['ascending', 'descending'] as const) {
      expect(order(by('bestValLoss', dir)).slice(-2)).toEqual([2, 6]);
    }
  });

  it('keeps equal values in run order whichever the direction', () => {
    // Runs 1 and 4 tie on 0.5; runs 1 and 4 tie on 0.1 in the first varied value.
    expect(order(by('bestValLoss', 'descending')).indexOf(1)).toBeLessThan(
      order(by('bestValLoss', 'descending')).indexOf(4),
    );
    expect(order({ key: { kind: 'value', k: 0 }, dir: 'ascending' })).toEqual([5, 6, 2, 3, 1, 4]);
    expect(order({ key: { kind: 'value', k: 0 }, dir: 'descending' })).toEqual([1, 4, 2, 3, 5, 6]);
  });

  it('orders words alphabetically and by run index', () => {
    expect(order({ key: { kind: 'value', k: 1 }, dir: 'ascending' })).toEqual([3, 6, 4, 5, 1, 2]);
    expect(order({ key: { kind: 'value', k: 1 }, dir: 'descending' })).toEqual([1, 2, 4, 5, 3, 6]);
    expect(order(by('outcome', 'ascending'))).toEqual([1, 3, 4, 5, 2, 6]);
  });

  it('returns a copy and leaves the table’s rows alone', () => {
    const before = rows.map((r) => r.index);
    const sorted = sortSummaries(rows, by('index', 'descending'));
    expect(sorted.map((r) => r.index)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(rows.map((r) => r.index)).toEqual(before);
  });

  it('tells one column from another', () => {
    expect(sameKey({ kind: 'value', k: 1 }, { kind: 'value', k: 1 })).toBe(true);
    expect(sameKey({ kind: 'value', k: 1 }, { kind: 'value', k: 0 })).toBe(false);
    expect(sameKey({ kind: 'field', field: 'epochs' }, { kind: 'field', field: 'timeMs' })).toBe(
      false,
    );
  });
});
