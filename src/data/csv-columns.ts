import type { MissingPolicy } from './config';
import { isMissingCell, notANumber, parseNumberCell, type ColumnProfile } from './csv-cells';
import { fail, ok, plural, type Result } from './result';
import { roleOf, type Column, type ColumnRole } from './table';

interface BuildInput {
  names: readonly string[];
  rows: readonly (readonly string[])[];
  /** 1-based file row of each entry in `rows`, for messages. */
  lines: readonly number[];
  profiles: readonly ColumnProfile[];
  roles: Record<string, ColumnRole>;
  missing: MissingPolicy;
}

interface Built {
  columns: Column[];
  rowCount: number;
  warnings: string[];
}

/** First problem in full, then how many more, so one message fits a toast yet hides nothing. */
function summarise(issues: readonly string[], total: number): string {
  const more = total - 1;
  return more > 0
    ? `${issues[0]} (${plural(more, 'more problem')} like it in the file.)`
    : (issues[0] ?? '');
}

/**
 * Turns text cells into typed columns: features must be numbers, labels may be text (classes),
 * and the missing-value policy is applied to every column that is not ignored.
 */
export function buildColumns(input: BuildInput): Result<Built> {
  const { names, rows, lines, profiles, roles, missing } = input;
  const used = names.map((n) => roleOf(roles, n) !== 'ignore');
  // Features must be numbers; a label or time column is numbers when most of its cells are.
  const numeric = names.map((n, j) => {
    const role = roleOf(roles, n);
    const p = profiles[j];
    return role === 'feature' || (role === 'ignore' ? !!p?.numeric : !!p?.mostlyNumeric);
  });
  const issues: string[] = [];
  let total = 0;
  rows.forEach((r, i) => {
    names.forEach((name, j) => {
      const cell = r[j] ?? '';
      if (!used[j] || !numeric[j] || isMissingCell(cell) || parseNumberCell(cell) !== null) return;
      if (issues.length === 0) issues.push(notANumber(lines[i] ?? i + 1, name, cell));
      total++;
    });
  });
  if (total > 0) return fail(summarise(issues, total));

  const missingAt = (i: number): number =>
    names.findIndex((_, j) => used[j] && isMissingCell(rows[i]?.[j] ?? ''));
  const keep: number[] = [];
  let dropped = 0;
  let firstDropped = 0;
  for (let i = 0; i < rows.length; i++) {
    const j = missingAt(i);
    if (j < 0 || missing === 'carry-forward') {
      keep.push(i);
      continue;
    }
    if (missing === 'refuse') {
      return fail(
        `Row ${lines[i]}, column '${names[j]}' is empty. Fill it in, or choose to drop rows ` +
          'with missing values or to carry the previous value forward.',
      );
    }
    if (dropped++ === 0) firstDropped = lines[i] ?? i + 1;
  }
  if (keep.length === 0) {
    return fail('Every row has a missing value in a column in use, so no rows are left.');
  }
  const warnings =
    dropped > 0
      ? [
          `Dropped ${plural(dropped, 'row')} with missing values (the first is row ${firstDropped}).`,
        ]
      : [];

  const columns: Column[] = [];
  for (let j = 0; j < names.length; j++) {
    const name = names[j] as string;
    const cells = keep.map((i) => rows[i]?.[j] ?? '');
    if (used[j] && missing === 'carry-forward') {
      if (isMissingCell(cells[0] ?? '')) {
        const i = keep[0] as number;
        return fail(
          `Row ${lines[i]}, column '${name}' is empty and has no earlier value to carry forward; ` +
            'fill it in or choose to drop rows with missing values.',
        );
      }
      for (let k = 1; k < cells.length; k++)
        if (isMissingCell(cells[k] as string)) cells[k] = cells[k - 1] as string;
    }
    columns.push(toColumn(name, cells, numeric[j] ?? false));
  }
  return ok({ columns, rowCount: keep.length, warnings });
}

/** Text columns get sorted classes, so the class order does not depend on row order. */
function toColumn(name: string, cells: readonly string[], numeric: boolean): Column {
  if (numeric) {
    const values = new Float64Array(cells.length);
    cells.forEach((c, i) => (values[i] = parseNumberCell(c) ?? NaN));
    return { name, kind: 'numeric', values };
  }
  const present = cells.filter((c) => !isMissingCell(c)).map((c) => c.trim());
  const categories = [...new Set(present)].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const codes = Int32Array.from(cells, (c) =>
    isMissingCell(c) ? -1 : (index.get(c.trim()) ?? -1),
  );
  return { name, kind: 'categorical', codes, categories };
}
