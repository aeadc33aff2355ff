import {
  memo,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatExact, formatFigure } from '../../core/charts/format';
import { nearestIndex } from '../../core/charts/scale';
import type { Row } from '../../core/charts/series';
import { ChartLegend } from './chart-parts';
import type { LineDef } from './LineFigure';
import { notePaint } from './paint-count';
import {
  drawnPoints,
  MAX_DOTS,
  seriesShape,
  streamAxes,
  streamColumns,
  streamOptions,
  type StreamAxes,
} from './stream-plot';
import { useElementWidth } from './useElementWidth';

interface Props {
  title: string;
  caption: string;
  rows: readonly Row[];
  lines: readonly LineDef[];
  xLabel: string;
  yLabel: string;
  logScale: boolean;
  /** A fixed value range (accuracy: 0 to 1) instead of one fitted to the data. */
  yDomain?: [number, number];
  /** Marks each point when there are few (one per epoch). */
  dots?: boolean;
  height?: number;
  /** The timeline scrubber's x (an epoch), marked with a dashed line; null or absent for none. */
  marker?: number | null;
}

/** The readout's row and where its cursor and dots go, in CSS pixels of the plot's box. */
interface Hover {
  idx: number;
  left: number;
  top: number;
  height: number;
  dots: { key: string; colour: string; top: number }[];
}

/** The y label's column and the x label's row, beside the canvas. */
const LABEL_SPACE = { left: 18, bottom: 16 };

/**
 * The charts that redraw while training (loss per batch and per epoch, predicted against actual
 * over time), drawn on a canvas by uPlot: a redraw is a few canvas strokes, with no DOM to
 * diff, style or lay out, so they can redraw 10 times a second. The figure keeps what the SVG
 * chart had: legend, axis titles, and a readout of the exact values by pointer, tap or arrow
 * keys; a visually hidden list gives each line's points and last value to screen readers.
 */
export const StreamChart = memo(function StreamChart(p: Props) {
  const [box, width] = useElementWidth<HTMLDivElement>(600);
  const height = p.height ?? 220;
  const plotWidth = Math.max(120, width - LABEL_SPACE.left);
  const plotHeight = height - LABEL_SPACE.bottom;
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const keys = useMemo(() => p.lines.map((l) => l.key), [p.lines]);
  const axes = useMemo(
    () => streamAxes(p.rows, keys, p.logScale, p.yDomain),
    [p.rows, keys, p.logScale, p.yDomain],
  );
  const columns = useMemo(
    () => streamColumns(p.rows, p.lines, p.logScale),
    [p.rows, p.lines, p.logScale],
  );
  const dotted = p.dots === true && p.rows.length <= MAX_DOTS;
  // uPlot reads these at each redraw through the options' functions.
  const marker = p.marker ?? null;
  const latest = useRef<{ axes: StreamAxes; dots: boolean; marker: number | null }>({
    axes,
    dots: dotted,
    marker,
  });
  useLayoutEffect(() => {
    latest.current = { axes, dots: dotted, marker };
  });
  useLayoutEffect(() => {
    plot.current?.redraw(false);
  }, [marker]);

  // A new plot when what its series look like changes; new data alone is a setData. The lines
  // come in a new array with each redraw: rebuilding on that (a new canvas and its DOM, ten
  // times a second per chart) was most of the live charts' cost.
  const shape = seriesShape(p.lines);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const ink = getComputedStyle(el).color || '#5b6279';
    const u = new uPlot(
      streamOptions({
        width: plotWidth,
        height: plotHeight,
        lines: p.lines,
        log: p.logScale,
        dots: () => latest.current.dots,
        axes: () => latest.current.axes,
        ink,
        onDraw: notePaint,
        marker: () => latest.current.marker,
      }),
      columns,
      el,
    );
    plot.current = u;
    return () => {
      plot.current = null;
      u.destroy();
    };
    // Size and data are applied below without rebuilding the plot; `shape` stands for p.lines.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, p.logScale]);
  useLayoutEffect(() => {
    const u = plot.current;
    if (u && u.data !== columns) u.setData(columns);
  }, [columns]);
  useLayoutEffect(() => {
    const u = plot.current;
    if (u && (u.width !== plotWidth || u.height !== plotHeight))
      u.setSize({ width: plotWidth, height: plotHeight });
  }, [plotWidth, plotHeight]);

  const last = p.rows.length - 1;
  const active = hover === null || last < 0 ? null : (p.rows[Math.min(hover.idx, last)] ?? null);

  /** The readout at row `idx`, placed where uPlot drew it (read here, outside render). */
  const show = (idx: number) => {
    const u = plot.current;
    const row = p.rows[idx];
    if (!u || !row) return setHover(null);
    const left = LABEL_SPACE.left + u.over.offsetLeft + u.valToPos(row.x, 'x');
    const top = u.over.offsetTop;
    const dots = p.lines.flatMap((l) => {
      const v = row[l.key];
      const y = v === undefined || !Number.isFinite(v) ? NaN : u.valToPos(v, 'y');
      return Number.isFinite(y) ? [{ key: l.key, colour: l.colour, top: top + y }] : [];
    });
    setHover({ idx, left, top, height: u.over.clientHeight, dots });
  };
  const onPoint = (e: PointerEvent<HTMLDivElement>) => {
    const u = plot.current;
    if (!u || p.rows.length === 0) return;
    const over = u.over.getBoundingClientRect();
    const idx = nearestIndex(p.rows, u.posToVal(e.clientX - over.left, 'x'));
    if (idx !== hover?.idx) show(idx);
  };
  // A tap's pointerleave follows its pointerup at once: on touch the readout stays until blur.
  const onLeave = (e: PointerEvent) => {
    if (e.pointerType !== 'touch') setHover(null);
  };
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || last < 0) return;
    e.preventDefault();
    const from = hover === null ? (step > 0 ? -1 : last + 1) : Math.min(hover.idx, last);
    show(Math.max(0, Math.min(last, from + step)));
  };

  return (
    <figure className="chart-figure stream-chart" aria-label={p.title}>
      <ChartLegend items={p.lines.filter((l) => !l.faint)} />
      <div ref={box} className="stream-box">
        <div
          className="stream-plot"
          role="img"
          aria-label={p.title}
          tabIndex={0}
          data-dots={dotted}
          onPointerMove={onPoint}
          onPointerDown={onPoint}
          onPointerLeave={onLeave}
          onKeyDown={onKey}
          onBlur={() => setHover(null)}
        >
          <span className="stream-y-label" style={{ height: plotHeight }}>
            <span>{p.yLabel}</span>
          </span>
          <div ref={host} className="stream-canvas" />
          <span className="stream-x-label">{p.xLabel}</span>
          {hover && (
            <div className="stream-cursor" aria-hidden="true">
              <span
                className="stream-cursor-line"
                style={{ left: hover.left, top: hover.top, height: hover.height }}
              />
              {hover.dots.map((d) => (
                <span
                  key={d.key}
                  className="stream-cursor-dot"
                  style={{ left: hover.left, top: d.top, background: d.colour }}
                />
              ))}
            </div>
          )}
        </div>
        {active && hover && (
          <div className="stream-tooltip" style={{ left: Math.min(hover.left + 10, width - 190) }}>
            <p>
              {p.xLabel} {formatExact(active.x)}
            </p>
            <ul>
              {p.lines.map((l) =>
                active[l.key] === undefined ? null : (
                  <li key={l.key} style={{ color: l.colour }}>
                    {l.name}: {formatFigure(active[l.key] as number)}
                  </li>
                ),
              )}
            </ul>
          </div>
        )}
      </div>
      <ul className="sr-only" aria-label={`${p.title}: the lines drawn`}>
        {p.lines.map((l, i) => (
          <SeriesSummary key={l.key} line={l} column={columns[i + 1] ?? []} rows={p.rows} />
        ))}
      </ul>
      <figcaption className="chart-caption">{p.caption}</figcaption>
    </figure>
  );
});

/** One line for screen readers: its points and where it ends. */
function SeriesSummary(p: {
  line: LineDef;
  column: ArrayLike<number | null | undefined>;
  rows: readonly Row[];
}) {
  const points = drawnPoints(p.column);
  let end = p.column.length - 1;
  while (end >= 0 && (p.column[end] ?? null) === null) end--;
  const lastRow = end >= 0 ? p.rows[end] : undefined;
  const lastValue = end >= 0 ? p.column[end] : null;
  return (
    <li data-series={p.line.key} data-points={points} data-last-x={lastRow?.x ?? ''}>
      {p.line.name}: {points} points
      {lastRow && typeof lastValue === 'number'
        ? `, the last ${formatFigure(lastValue)} at ${formatExact(lastRow.x)}`
        : ''}
    </li>
  );
}
