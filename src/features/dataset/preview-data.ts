import { cellText, columnsWithRole, type Column, type Table } from '../../data/index';

/**
 * Pure "table → chart points" functions for the previews: they pick the columns, thin the rows
 * to what a small chart can show, and group points by class. Unit-tested; the charts only draw.
 */
export interface Point {
  x: number;
  y: number;
}

export interface ScatterGroup {
  name: string;
  points: Point[];
}

export interface ScatterView {
  xName: string;
  yName: string;
  /** What the colours mean: the label column's name. */
  colourBy: string;
  /** 'ranges': groups are value ranges of a numeric target, low to high (a sequential scale). */
  grouping: 'classes' | 'ranges' | 'none';
  groups: ScatterGroup[];
  shown: number;
}

const MAX_CLASS_GROUPS = 10;
const VALUE_BINS = 5;

/** Every k-th row, so at most `max` rows are drawn and they span the whole table. */
export function thinRows(rows: number, max: number): number[] {
  const step = Math.max(1, Math.ceil(rows / max));
  const out: number[] = [];
  for (let i = 0; i < rows; i += step) out.push(i);
  return out;
}

const valueAt = (c: Column, i: number): number =>
  c.kind === 'numeric' ? (c.values[i] ?? NaN) : (c.codes[i] ?? -1);

const round = (v: number) => Number(v.toPrecision(3));

interface Grouping {
  kind: ScatterView['grouping'];
  nameOf(i: number): string;
  /** The groups in display order, for ranges; classes sort by name. */
  order?: string[];
}

/** Classes for text labels and few distinct numbers; value ranges (quantile bins) otherwise. */
function groupOf(label: Column | undefined, rows: number[]): Grouping {
  if (!label) return { kind: 'none', nameOf: () => 'all' };
  const classes: Grouping = { kind: 'classes', nameOf: (i) => cellText(label, i) };
  if (label.kind === 'categorical') return classes;
  const distinct = new Set(rows.map((i) => valueAt(label, i)));
  if (distinct.size <= MAX_CLASS_GROUPS) return classes;
  const sorted = rows.map((i) => valueAt(label, i)).sort((a, b) => a - b);
  const edges = Array.from(
    { length: VALUE_BINS - 1 },
    (_, b) => sorted[Math.floor(((b + 1) * sorted.length) / VALUE_BINS)] ?? 0,
  );
  const names = Array.from({ length: VALUE_BINS }, (_, b) => {
    const lo = b === 0 ? sorted[0] : edges[b - 1];
    const hi = b === VALUE_BINS - 1 ? sorted.at(-1) : edges[b];
    return `${round(lo ?? 0)} to ${round(hi ?? 0)}`;
  });
  const nameOf = (i: number) => {
    const v = valueAt(label, i);
    const b = edges.findIndex((e) => v < e);
    return names[b < 0 ? VALUE_BINS - 1 : b] ?? '';
  };
  return { kind: 'ranges', nameOf, order: names };
}

/** The first two features against each other (or one feature against the label), by class. */
export function scatterView(table: Table, max = 1000): ScatterView | null {
  const features = columnsWithRole(table, 'feature').filter((c) => c.kind === 'numeric');
  const label = columnsWithRole(table, 'label')[0];
  const [fx, fy] = features;
  if (!fx) return null;
  const yCol = fy ?? (label?.kind === 'numeric' ? label : undefined);
  if (!yCol) return null;
  const rows = thinRows(table.rowCount, max);
  const grouping = groupOf(fy ? label : undefined, rows);
  const groups = new Map<string, Point[]>();
  for (const i of rows) {
    const x = valueAt(fx, i);
    const y = valueAt(yCol, i);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const g = grouping.nameOf(i);
    const list = groups.get(g) ?? [];
    list.push({ x, y });
    groups.set(g, list);
  }
  const names =
    grouping.order ??
    [...groups.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const ordered = names.flatMap((name) => {
    const points = groups.get(name);
    return points ? [{ name, points }] : [];
  });
  return {
    xName: fx.name,
    yName: yCol.name,
    colourBy: fy && label ? label.name : '',
    grouping: grouping.kind,
    groups: ordered,
    shown: ordered.reduce((n, g) => n + g.points.length, 0),
  };
}

/** A numeric column's values against the step (row) number, thinned to `max` points. */
export function linePoints(column: Column, from: number, to: number, max = 600): Point[] {
  const out: Point[] = [];
  const step = Math.max(1, Math.ceil((to - from) / max));
  for (let i = from; i < to; i += step) {
    const y = valueAt(column, i);
    if (Number.isFinite(y)) out.push({ x: i, y });
  }
  return out;
}

/** The column a series chart plots: the target when it is a number, else the first feature. */
export function plottedColumn(table: Table, preferred: string): Column | undefined {
  const byName = table.columns.find((c) => c.name === preferred && c.kind === 'numeric');
  return byName ?? columnsWithRole(table, 'feature').find((c) => c.kind === 'numeric');
}
