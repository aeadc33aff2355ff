import { roleOf, type ColumnRole, type Table } from '../../data/index';

/** A column's role as the user set it, else as the import inferred it. */
export const roleIn = (given: Record<string, ColumnRole>, table: Table, name: string): ColumnRole =>
  roleOf(given, name) ?? roleOf(table.roles, name) ?? 'ignore';

/**
 * The roles after the user gives `name` a role. A model predicts one column, so making a column
 * the label turns the former label into a feature (or, for text, ignored): choosing the label
 * is one step, not two with an error in between.
 */
export function withRole(
  given: Record<string, ColumnRole>,
  table: Table,
  name: string,
  role: ColumnRole,
): Record<string, ColumnRole> {
  const next: Record<string, ColumnRole> = { ...given, [name]: role };
  if (role !== 'label') return next;
  for (const c of table.columns) {
    if (c.name !== name && roleIn(given, table, c.name) === 'label') {
      next[c.name] = c.kind === 'numeric' ? 'feature' : 'ignore';
    }
  }
  return next;
}
