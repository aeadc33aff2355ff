import type uPlot from 'uplot';
import { logAxis, rowsExtent, stepAxis, valueAxis, type AxisSpec } from '../../core/charts/axis';
import { formatTick } from '../../core/charts/format';
import type { Row } from '../../core/charts/series';
import { GRID_STROKE } from '../../core/charts/chart-theme';
import type { LineDef } from './LineFigure';

/** Beyond this many points per line, dots would only blur the line. */
export const MAX_DOTS = 80;

export interface StreamAxes {
  x: AxisSpec;
  y: AxisSpec;
}

/** Domains and ticks from the app's own axis rules, so the canvas charts read like the SVG ones. */
export function streamAxes(
  rows: readonly Row[],
  keys: readonly string[],
  log: boolean,
  yDomain?: [number, number],
): StreamAxes {
  const x = stepAxis(rowsExtent(rows, ['x']), true);
  const y = yDomain
    ? valueAxis(yDomain)
    : log
      ? logAxis(rowsExtent(rows, keys, true))
      : valueAxis(rowsExtent(rows, keys));
  return { x, y };
}

/**
 * uPlot's columns: x, then one per line. A missing or unusable value (not finite, or not
 * positive on a log scale) is null, which uPlot skips; lines span the gaps, as the SVG did.
 */
export function streamColumns(
  rows: readonly Row[],
  lines: readonly LineDef[],
  log: boolean,
): uPlot.AlignedData {
  const xs = rows.map((r) => r.x);
  const ys = lines.map((l) =>
    rows.map((r) => {
      const v = r[l.key];
      return v === undefined || !Number.isFinite(v) || (log && v <= 0) ? null : v;
    }),
  );
  return [xs, ...ys];
}

/**
 * What a plot's series look like (name, colour, dash, weight), as one string: equal for equal
 * lines, whichever array holds them. The figures build a new array of lines with each redraw;
 * the plot is rebuilt (a new canvas, its DOM, its context) only when this changes.
 */
export function seriesShape(lines: readonly LineDef[]): string {
  return JSON.stringify(lines.map((l) => [l.key, l.name, l.colour, !!l.dashed, !!l.faint]));
}

/** Points each line draws: its non-null values. */
export function drawnPoints(column: ArrayLike<number | null | undefined>): number {
  let n = 0;
  for (let i = 0; i < column.length; i++) if (column[i] !== null && column[i] !== undefined) n++;
  return n;
}

interface OptionsInput {
  width: number;
  height: number;
  lines: readonly LineDef[];
  log: boolean;
  /** Read at each redraw: dots mark the points while there are few. */
  dots: () => boolean;
  /** Read at each redraw: the latest axes (uPlot keeps the functions, not the values). */
  axes: () => StreamAxes;
  /** The theme's text colour, read from the page (a canvas cannot use CSS variables). */
  ink: string;
  onDraw: () => void;
  /** Read at each redraw: the x where the timeline scrubber stands (a dashed line); null for none. */
  marker?: () => number | null;
}

/** The timeline's epoch as a dashed vertical line across the plot. */
function drawMarker(u: uPlot, x: number | null) {
  if (x === null) return;
  const left = u.valToPos(x, 'x', true);
  if (!Number.isFinite(left)) return;
  const { ctx, bbox } = u;
  ctx.save();
  ctx.strokeStyle = MARKER_COLOUR;
  ctx.lineWidth = 1.5 * devicePixelRatio;
  ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
  ctx.beginPath();
  ctx.moveTo(left, bbox.top);
  ctx.lineTo(left, bbox.top + bbox.height);
  ctx.stroke();
  ctx.restore();
}

const MARKER_COLOUR = '#dc2626';

const FONT = '11px system-ui, sans-serif';

/**
 * uPlot options for a live chart: no built-in legend or cursor (the figure has its own legend,
 * and its readout works by pointer, tap and keyboard), fixed domains and ticks from streamAxes.
 */
export function streamOptions(p: OptionsInput): uPlot.Options {
  const axis = (which: 'x' | 'y'): uPlot.Axis => ({
    stroke: p.ink,
    font: FONT,
    grid: { stroke: GRID_STROKE, width: 1 },
    ticks: { show: false },
    size: which === 'x' ? 24 : 48,
    gap: 4,
    splits: () => p.axes()[which].ticks,
    values: (_u, splits) => splits.map(formatTick),
  });
  return {
    width: p.width,
    height: p.height,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    padding: [8, 12, 0, 0],
    scales: {
      x: { time: false, range: () => p.axes().x.domain },
      y: { distr: p.log ? 3 : 1, range: () => p.axes().y.domain },
    },
    axes: [axis('x'), axis('y')],
    series: [
      {},
      ...p.lines.map((l): uPlot.Series => ({
        label: l.name,
        stroke: l.colour,
        width: l.faint ? 1 : 2,
        alpha: l.faint ? 0.45 : 1,
        spanGaps: true,
        ...(l.dashed ? { dash: [5, 4] } : {}),
        points: { show: () => p.dots(), size: 5, fill: l.colour, stroke: l.colour },
      })),
    ],
    hooks: { draw: [p.onDraw, (u) => drawMarker(u, p.marker?.() ?? null)] },
  };
}
