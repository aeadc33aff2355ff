import type { Result } from './result';
import type { Column, Table } from './table';

/** Test helper: a column's values as plain numbers (codes for text columns). */
export function values(table: Table, name: string): number[] {
  const c: Column | undefined = table.columns.find((col) => col.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c.kind === 'numeric' ? [...c.values] : [...c.codes];
}

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}
