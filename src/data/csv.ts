import type { MissingPolicy } from './config';
import { columnNames, inferRoles, profileColumn, type ColumnProfile } from './csv-cells';
import { buildColumns } from './csv-columns';
import { readFirstRows, readRows, shapeRows, splitHeader, tooManyRows } from './csv-read';
import { fail, formatCount, ok, type Result } from './result';
import { roleOf, type ColumnRole, type Table } from './table';

/** Beyond these a tab runs short of memory while training, so the file is refused up front. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
export const MAX_CSV_ROWS = 200_000;
export const MAX_CSV_COLUMNS = 1_000;

export interface CsvOptions {
  header: 'auto' | 'yes' | 'no';
  missing: MissingPolicy;
  /** Overrides for the inferred roles, by column name. */
  roles: Record<string, ColumnRole>;
}

export interface CsvResult {
  table: Table;
  hasHeader: boolean;
  /** Things the user may want to know that did not stop the import. */
  warnings: string[];
}

/** For File.size before reading the file (the app checks this, then calls file.text()). */
export function checkCsvSize(bytes: number, fileName = 'The file'): Result<number> {
  if (bytes <= MAX_CSV_BYTES) return ok(bytes);
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return fail(
    `${fileName} is ${mb} MB; Layerlab reads CSV files up to ${MAX_CSV_BYTES / 1024 / 1024} MB. ` +
      'Remove rows or columns you do not need and try again.',
  );
}

export function parseCsv(text: string, options: CsvOptions): Result<CsvResult> {
  const size = checkCsvSize(text.length);
  if (!size.ok) return size;
  const raw = readRows(text, MAX_CSV_ROWS);
  if (!raw.ok) return raw;
  if (raw.value.rows.length === 0) return fail('The file is empty: it has no rows of data.');
  const split = splitHeader(raw.value, options.header);
  const { hasHeader, lines } = split;
  if (split.rows.length === 0)
    return fail('The file has a header row but no rows of data below it.');
  if (split.rows.length > MAX_CSV_ROWS) return fail(tooManyRows(MAX_CSV_ROWS));
  const shaped = shapeRows(split.first, split.rows, lines);
  if (!shaped.ok) return shaped;
  const { first, rows } = shaped.value;
  const width = (first ?? rows[0] ?? []).length;
  if (width > MAX_CSV_COLUMNS) {
    return fail(
      `The file has ${formatCount(width)} columns; Layerlab reads at most ${formatCount(MAX_CSV_COLUMNS)}.`,
    );
  }
  const names = columnNames(first, width);
  const profiles = names.map((name, j) =>
    profileColumn(
      name,
      rows.map((r) => r[j] ?? ''),
    ),
  );
  const { roles, warnings } = mergeRoles(profiles, options.roles);
  const built = buildColumns({ names, rows, lines, profiles, roles, missing: options.missing });
  if (!built.ok) return built;
  const { columns, rowCount, warnings: more } = built.value;
  const kind = Object.values(roles).includes('time') ? 'series' : 'table';
  return ok({
    table: { columns, rowCount, roles, kind },
    hasHeader,
    warnings: [...warnings, ...more],
  });
}

function mergeRoles(profiles: readonly ColumnProfile[], given: Record<string, ColumnRole>) {
  const roles = inferRoles(profiles);
  const warnings: string[] = [];
  for (const name of Object.keys(given)) {
    const role = roleOf(given, name);
    if (!role) continue;
    if (Object.hasOwn(roles, name)) roles[name] = role;
    else warnings.push(`A role was set for column '${name}', which this file does not have.`);
  }
  for (const p of profiles) {
    if (roleOf(roles, p.name) === 'ignore' && !p.numeric && !Object.hasOwn(given, p.name)) {
      warnings.push(
        `Column '${p.name}' holds text, so it is ignored; give it the label role to use its values as classes.`,
      );
    }
  }
  return { roles, warnings };
}

export interface CsvPreview {
  hasHeader: boolean;
  delimiter: string;
  columns: { name: string; numeric: boolean; role: ColumnRole }[];
  /** The first data rows as text, for a table in the import dialog. */
  rows: string[][];
}

/** Reads only the first rows: enough to show the file and let the user assign roles. */
export function previewCsv(
  text: string,
  header: CsvOptions['header'] = 'auto',
  count = 10,
): Result<CsvPreview> {
  // A few dozen rows more than shown, so header detection and column types see enough.
  const raw = readFirstRows(text, count + 50);
  const { hasHeader, first, rows } = splitHeader(raw, header);
  if (rows.length === 0) return fail('The file has no rows of data to show.');
  const width = Math.min((first ?? rows[0] ?? []).length, MAX_CSV_COLUMNS);
  const profiles = columnNames(first, width).map((name, j) =>
    profileColumn(
      name,
      rows.map((r) => r[j] ?? ''),
    ),
  );
  const roles = inferRoles(profiles);
  return ok({
    hasHeader,
    delimiter: raw.delimiter,
    columns: profiles.map((p) => ({
      name: p.name,
      numeric: p.numeric,
      role: roles[p.name] ?? 'ignore',
    })),
    rows: rows.slice(0, count),
  });
}
