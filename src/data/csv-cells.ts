import type { ColumnRole } from './table';

/** Spellings spreadsheets and pandas write for an empty cell (compared case-insensitively). */
const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE_LIKE =
  /^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME_NAMES = /^(date|time|timestamp|datetime|ds)$/i;

export const isMissingCell = (cell: string): boolean =>
  MISSING_TOKENS.has(cell.trim().toLowerCase());

/** A finite number written the plain way, or null. Stricter than Number(), which takes '' and '0x1f'. */
export function parseNumberCell(cell: string): number | null {
  const s = cell.trim();
  if (!NUMBER.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/** The user-facing sentence for a cell that should be a number and is not. */
export function notANumber(row: number, column: string, cell: string): string {
  const shown = cell.length > 40 ? `${cell.slice(0, 40)}…` : cell;
  const hint = /^[+-]?\d+,\d+$/.test(cell.trim()) ? ' Write decimals with a dot.' : '';
  return `Row ${row}, column '${column}': '${shown}' is not a number.${hint}`;
}

/**
 * Header when the first row is text where the rows below are numbers (in at least one column),
 * or when every first-row cell is text and none of them comes back in its column below
 * (an all-text file: names are unique, values repeat).
 */
export function detectHeader(rows: readonly (readonly string[])[]): boolean {
  const [first, ...rest] = rows;
  if (!first || rest.length === 0) return false;
  const sample = rest.slice(0, 50);
  const textFirst = first.map((c) => !isMissingCell(c) && parseNumberCell(c) === null);
  const numericBelow = first.map((_, j) =>
    sample.every((r) => {
      const cell = r[j] ?? '';
      return isMissingCell(cell) || parseNumberCell(cell) !== null;
    }),
  );
  if (first.some((_, j) => textFirst[j] && numericBelow[j])) return true;
  if (!textFirst.every(Boolean)) return false;
  return first.every((name, j) => sample.every((r) => (r[j] ?? '').trim() !== name.trim()));
}

/** Trimmed, never empty ('column 3'), never repeated ('x (2)'), so messages can name them. */
export function columnNames(first: readonly string[] | null, count: number): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let j = 0; j < count; j++) {
    const base = (first?.[j] ?? '').trim() || `column ${j + 1}`;
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base} (${k})`;
    seen.add(name);
    names.push(name);
  }
  return names;
}

export interface ColumnProfile {
  name: string;
  /** Every non-missing cell is a number. */
  numeric: boolean;
  /**
   * At least half the non-missing cells are numbers: a number column with a few typos, whose
   * typos are errors to report, not a text column whose values are classes.
   */
  mostlyNumeric: boolean;
  /** Named like a time stamp or holding ISO dates. */
  timeLike: boolean;
}

export function profileColumn(name: string, cells: readonly string[]): ColumnProfile {
  let numbers = 0;
  let dates = 0;
  let present = 0;
  for (const cell of cells) {
    if (isMissingCell(cell)) continue;
    present++;
    if (parseNumberCell(cell) !== null) numbers++;
    else if (DATE_LIKE.test(cell.trim())) dates++;
  }
  const timeLike = TIME_NAMES.test(name) || (present > 0 && dates === present);
  return { name, numeric: numbers === present, mostlyNumeric: numbers * 2 >= present, timeLike };
}

/**
 * Default roles: time-like columns are time; the last other column is the label (text allowed:
 * classes); other number columns are features (a few typos in them get reported, not hidden);
 * other text columns are ignored (with a note), since a feature must be a number.
 */
export function inferRoles(profiles: readonly ColumnProfile[]): Record<string, ColumnRole> {
  const roles: Record<string, ColumnRole> = {};
  const candidates = profiles.filter((p) => !p.timeLike);
  const label = candidates[candidates.length - 1];
  for (const p of profiles) {
    if (p.timeLike) roles[p.name] = 'time';
    else if (p === label && candidates.length > 1) roles[p.name] = 'label';
    else roles[p.name] = p.mostlyNumeric ? 'feature' : 'ignore';
  }
  return roles;
}
