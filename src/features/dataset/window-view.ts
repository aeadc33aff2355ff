import {
  cellText,
  windowAt,
  type PreparedData,
  type Table,
  type WindowSpec,
} from '../../data/index';
import { linePoints, plottedColumn, type Point } from './preview-data';

/**
 * What the windowing wizard draws for window k: the rows around it, the window's rows and its
 * target row. Windows are numbered in time order (a random split shuffles the samples, but
 * stepping through them should walk along the series); each says which side of the split it is on.
 */
export interface WindowOrder {
  starts: Int32Array;
  training: Uint8Array;
}

const orders = new WeakMap<PreparedData, WindowOrder>();

export function windowOrder(p: PreparedData): WindowOrder {
  const hit = orders.get(p);
  if (hit) return hit;
  const n = p.sourceRows.length;
  const rows = p.sourceRows;
  const index = new Int32Array(n);
  for (let k = 0; k < n; k++) index[k] = k;
  // Chronological samples are in order already; a random split needs sorting back.
  let sorted = true;
  for (let k = 1; k < n && sorted; k++) sorted = (rows[k - 1] ?? 0) <= (rows[k] ?? 0);
  if (!sorted) index.sort((a, b) => (rows[a] ?? 0) - (rows[b] ?? 0));
  const order = { starts: new Int32Array(n), training: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const k = index[i] ?? 0;
    order.starts[i] = rows[k] ?? 0;
    order.training[i] = k < p.trainCount ? 1 : 0;
  }
  orders.set(p, order);
  return order;
}

export interface WindowView {
  count: number;
  k: number;
  start: number;
  /** Exclusive. */
  end: number;
  target: number;
  training: boolean;
  plotted: string;
  points: Point[];
  /** The plotted value at the highlighted row (the target row, or the last step in classify mode). */
  mark: Point | null;
  /** The target as the data has it: a number or a class name. */
  targetText: string;
}

export function windowView(
  table: Table,
  p: PreparedData,
  spec: WindowSpec,
  k: number,
): WindowView | null {
  const order = windowOrder(p);
  const count = order.starts.length;
  if (count === 0) return null;
  const at = Math.min(Math.max(0, k), count - 1);
  const { start, end, target } = windowAt(0, spec, order.starts[at] ?? 0);
  const column = plottedColumn(table, p.targetName);
  if (!column) return null;
  // Context on both sides, so the window is seen within the series.
  const pad = Math.min(Math.max(8, Math.round(spec.length / 2)), 200);
  const from = Math.max(0, start - pad);
  const to = Math.min(table.rowCount, Math.max(end, target + 1) + pad);
  const points = linePoints(column, from, to);
  const markRow = target;
  const y = column.kind === 'numeric' ? column.values[markRow] : undefined;
  const targetColumn = table.columns.find((c) => c.name === p.targetName);
  return {
    count,
    k: at,
    start,
    end,
    target,
    training: order.training[at] === 1,
    plotted: column.name,
    points,
    mark: y === undefined || !Number.isFinite(y) ? null : { x: markRow, y },
    targetText: targetColumn ? cellText(targetColumn, target) : '',
  };
}
