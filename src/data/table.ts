import type { ImageSet } from './images';

/**
 * The one shape every source becomes (built-in generator, shipped file, user CSV), so a single
 * pipeline prepares them all. Columnar because windowing and normalisation walk columns.
 */
export type ColumnRole = 'feature' | 'label' | 'time' | 'ignore';

export type Column =
  /** Missing cells are NaN until a missing-value policy removes them. */
  | { name: string; kind: 'numeric'; values: Float64Array }
  /** Text values: `codes[i]` indexes `categories`; -1 marks a missing cell. */
  | { name: string; kind: 'categorical'; codes: Int32Array; categories: string[] };

export interface Table {
  columns: Column[];
  rowCount: number;
  /** Every column's role; the pipeline reads features and the label from here. */
  roles: Record<string, ColumnRole>;
  /** 'series': rows are consecutive time steps, so order matters (chronological split). */
  kind: 'table' | 'series';
  /** When set, the feature columns in order form one sample of this shape, e.g. [8, 8, 1]. */
  sampleShape?: number[];
  /** Image data: the pixels of every sample, kept whole; the label column holds the classes. */
  images?: ImageSet;
}

export function numericColumn(name: string, values: ArrayLike<number>): Column {
  return { name, kind: 'numeric', values: Float64Array.from(values) };
}

/** Codes follow `categories` when given (stable class order), else first appearance. */
export function categoricalColumn(
  name: string,
  labels: readonly string[],
  categories?: readonly string[],
): Column {
  const cats = categories ? [...categories] : [...new Set(labels)];
  const index = new Map(cats.map((c, i) => [c, i]));
  const codes = new Int32Array(labels.length);
  labels.forEach((label, i) => {
    let code = index.get(label);
    if (code === undefined) {
      code = cats.length;
      cats.push(label);
      index.set(label, code);
    }
    codes[i] = code;
  });
  return { name, kind: 'categorical', codes, categories: cats };
}

export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/** Own keys only: a column called 'constructor' must not find Object.prototype's. */
export function roleOf(roles: Record<string, ColumnRole>, name: string): ColumnRole | undefined {
  return Object.hasOwn(roles, name) ? roles[name] : undefined;
}

export function columnsWithRole(table: Table, role: ColumnRole): Column[] {
  return table.columns.filter((c) => roleOf(table.roles, c.name) === role);
}

/** A cell as text, for previews and class names. */
export function cellText(column: Column, row: number): string {
  if (column.kind === 'numeric') {
    const v = column.values[row] ?? NaN;
    return Number.isNaN(v) ? '' : String(v);
  }
  const code = column.codes[row] ?? -1;
  return code < 0 ? '' : (column.categories[code] ?? '');
}

/** The first `n` rows (all when there are fewer), copied: a view would post its whole buffer to the page. */
export function firstRows(table: Table, n: number): Table {
  const rows = Math.min(n, table.rowCount);
  if (rows === table.rowCount) return table;
  const columns = table.columns.map((c): Column =>
    c.kind === 'numeric'
      ? { ...c, values: c.values.slice(0, rows) }
      : { ...c, codes: c.codes.slice(0, rows) },
  );
  const images = table.images && {
    ...table.images,
    pixels: table.images.pixels.slice(0, rows * table.images.shape.reduce((a, b) => a * b, 1)),
    labels: table.images.labels.slice(0, rows),
  };
  return { ...table, columns, rowCount: rows, ...(images ? { images } : {}) };
}
