import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, type Table } from '../../data/table';
import { roleIn, withRole } from './roles';

const table: Table = {
  columns: [
    numericColumn('a', [1, 2]),
    numericColumn('b', [0, 1]),
    categoricalColumn('kind', ['x', 'y']),
  ],
  rowCount: 2,
  roles: { a: 'feature', b: 'label', kind: 'ignore' },
  kind: 'table',
};

describe('withRole', () => {
  it('moves the label: the former label becomes a feature, a text one is ignored', () => {
    expect(withRole({}, table, 'a', 'label')).toEqual({ a: 'label', b: 'feature' });
    const textLabel = withRole({ kind: 'label', b: 'feature' }, table, 'a', 'label');
    expect(textLabel).toEqual({ a: 'label', b: 'feature', kind: 'ignore' });
  });

  it('changes only the chosen column for other roles, and reads inferred roles', () => {
    expect(withRole({}, table, 'a', 'time')).toEqual({ a: 'time' });
    expect(roleIn({ a: 'ignore' }, table, 'a')).toBe('ignore');
    expect(roleIn({}, table, 'b')).toBe('label');
    expect(roleIn({}, table, 'missing')).toBe('ignore');
  });
});
