import { describe, expect, it } from 'vitest';
import {
  categoricalColumn,
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
