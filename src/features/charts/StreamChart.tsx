import { memo, useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { logAxis, rowsExtent, stepAxis, valueAxis } from '../../core/charts/axis';
import { formatExact, formatFigure, formatTick } from '../../core/charts/format';
import { linearScale, linePath, logScale, nearestIndex } from '../../core/charts/scale';
import type { Row } from '../../core/charts/series';
import { ChartLegend } from './chart-parts';
import type { LineDef } from './LineFigure';
import { useElementWidth } from './useElementWidth';

const M = { top: 8, right: 12, bottom: 36, left: 56 };

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
}

/** Beyond this many points per line, dots would only blur the line. */
const MAX_DOTS = 80;

/**
 * The charts that redraw while training (loss per batch and per epoch, predicted against actual
 * over time). They are plain SVG: a redraw builds a few path strings (about a millisecond),
 * where a recharts redraw costs tens of milliseconds in its store and selectors. They look and
 * read like the recharts charts beside them: labelled axes, grid, legend, and a hover (or
 * arrow-key) readout of the exact values.
 */
export const StreamChart = memo(function StreamChart(p: Props) {
  const [box, width] = useElementWidth<HTMLDivElement>(600);
  const height = p.height ?? 220;
  const [hover, setHover] = useState<number | null>(null);
  const keys = useMemo(() => p.lines.map((l) => l.key), [p.lines]);
  const geo = useMemo(() => {
    const xs = stepAxis(rowsExtent(p.rows, ['x']), true);
    const ys = p.yDomain
      ? valueAxis(p.yDomain)
      : p.logScale
        ? logAxis(rowsExtent(p.rows, keys, true))
        : valueAxis(rowsExtent(p.rows, keys));
    const x = linearScale(xs.domain[0], xs.domain[1], M.left, width - M.right);
    const scale = p.logScale ? logScale : linearScale;
    const y = scale(ys.domain[0], ys.domain[1], height - M.bottom, M.top);
    const paths = p.lines.map((l) => ({ line: l, d: linePath(p.rows, l.key, x, y) }));
    return { xs, ys, x, y, paths };
  }, [p.rows, p.lines, p.logScale, p.yDomain, keys, width, height]);
  const dotted = p.dots === true && p.rows.length <= MAX_DOTS;
  const { xs, ys, x, y } = geo;
  const active = hover === null ? null : (p.rows[Math.min(hover, p.rows.length - 1)] ?? null);

  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const at =
      xs.domain[0] +
      ((e.clientX - r.left - M.left) / (width - M.left - M.right)) * (xs.domain[1] - xs.domain[0]);
    setHover(nearestIndex(p.rows, at));
  };
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    setHover((h) =>
      Math.max(0, Math.min(p.rows.length - 1, (h ?? (step > 0 ? -1 : p.rows.length)) + step)),
    );
  };

  return (
    <figure className="chart-figure stream-chart" aria-label={p.title}>
      <ChartLegend items={p.lines.filter((l) => !l.faint)} />
      <div ref={box} className="stream-box">
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={p.title}
          tabIndex={0}
          onPointerMove={onMove}
          onPointerLeave={() => setHover(null)}
          onKeyDown={onKey}
          onBlur={() => setHover(null)}
        >
          {ys.ticks.map((t) => (
            <g key={`y${t}`}>
              <line x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} className="gridline" />
              <text x={M.left - 5} y={y(t)} dy="0.32em" textAnchor="end" className="chart-tick">
                {formatTick(t)}
              </text>
            </g>
          ))}
          {xs.ticks.map((t) => (
            <g key={`x${t}`}>
              <line x1={x(t)} x2={x(t)} y1={M.top} y2={height - M.bottom} className="gridline" />
              <text x={x(t)} y={height - M.bottom + 14} textAnchor="middle" className="chart-tick">
                {formatTick(t)}
              </text>
            </g>
          ))}
          <text
            x={(M.left + width - M.right) / 2}
            y={height - 4}
            textAnchor="middle"
            className="axis-label"
          >
            {p.xLabel}
          </text>
          <text
            transform={`translate(13 ${(M.top + height - M.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
            className="axis-label"
          >
            {p.yLabel}
          </text>
          {geo.paths.map(({ line, d }) => (
            <path
              key={line.key}
              d={d}
              fill="none"
              className="stream-line"
              stroke={line.colour}
              strokeWidth={line.faint ? 1 : 2}
              strokeOpacity={line.faint ? 0.45 : 1}
              {...(line.dashed ? { strokeDasharray: '5 4' } : {})}
            />
          ))}
          {dotted &&
            p.lines.map((l) => (
              <g key={`dots-${l.key}`} fill={l.colour} fillOpacity={l.faint ? 0.45 : 1}>
                {p.rows.map((r) => {
                  const v = r[l.key];
                  return typeof v === 'number' && Number.isFinite(y(v)) ? (
                    <circle key={r.x} className="stream-dot" cx={x(r.x)} cy={y(v)} r={2.5} />
                  ) : null;
                })}
              </g>
            ))}
          {active && (
            <g className="stream-cursor">
              <line x1={x(active.x)} x2={x(active.x)} y1={M.top} y2={height - M.bottom} />
              {p.lines.map((l) =>
                active[l.key] === undefined ? null : (
                  <circle
                    key={l.key}
                    cx={x(active.x)}
                    cy={y(active[l.key] as number)}
                    r={3.5}
                    fill={l.colour}
                  />
                ),
              )}
            </g>
          )}
        </svg>
        {active && (
          <div className="stream-tooltip" style={{ left: Math.min(x(active.x) + 10, width - 190) }}>
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
      <figcaption className="chart-caption">{p.caption}</figcaption>
    </figure>
  );
});
