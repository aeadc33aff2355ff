import { describe, expect, it } from 'vitest';
import { imageTable } from './images';
import {
  categoricalColumn,
  firstRows,
  cellText,
  columnsWithRole,
  numericColumn,
  roleOf,
  type Table,
} from './table';

describe('table helpers', () => {
  it('codes text by the given class order, appending unknown values', () => {
    const c = categoricalColumn('k', ['b', 'a', 'c', 'b'], ['a', 'b']);
    expect(c.kind === 'categorical' && [...c.codes]).toEqual([1, 0, 2, 1]);
    expect(c.kind === 'categorical' && c.categories).toEqual(['a', 'b', 'c']);
  });

  it('shows cells as text, missing as empty', () => {
    expect(cellText(numericColumn('n', [1.5, Number.NaN]), 0)).toBe('1.5');
    expect(cellText(numericColumn('n', [1.5, Number.NaN]), 1)).toBe('');
    const cat = {
      name: 'c',
      kind: 'categorical' as const,
      codes: Int32Array.from([0, -1]),
      categories: ['x'],
    };
    expect([cellText(cat, 0), cellText(cat, 1)]).toEqual(['x', '']);
  });

  it('reads roles by own key only', () => {
    const roles: Table['roles'] = { a: 'feature' };
    expect(roleOf(roles, 'a')).toBe('feature');
    expect(roleOf(roles, 'constructor')).toBeUndefined();
    const t: Table = {
      columns: [numericColumn('a', [1]), numericColumn('toString', [2])],
      rowCount: 1,
      roles,
      kind: 'table',
    };
    expect(columnsWithRole(t, 'feature').map((c) => c.name)).toEqual(['a']);
  });
});

describe('firstRows', () => {
  it('keeps the first rows of columns and images, and the whole table when it is shorter', () => {
    const table = imageTable({
      pixels: Float32Array.from([0, 0.1, 0.2, 0.3, 0.4, 0.5]),
      shape: [1, 2, 1],
      labels: Int32Array.from([1, 0, 1]),
      classNames: ['a', 'b'],
    });
    const two = firstRows(table, 2);
    expect(two.rowCount).toBe(2);
    expect(Array.from(two.images?.labels ?? [])).toEqual([1, 0]);
    expect(two.images?.pixels.length).toBe(4);
    expect(two.columns[0]?.kind === 'categorical' && Array.from(two.columns[0].codes)).toEqual([
      1, 0,
    ]);
    expect(firstRows(table, 5)).toBe(table);
  });
});
