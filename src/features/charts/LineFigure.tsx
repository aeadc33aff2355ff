import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { logAxis, rowsExtent, stepAxis, valueAxis } from '../../core/charts/axis';
import type { Row } from '../../core/charts/series';
import { formatExact, formatFigure } from '../../core/charts/format';
import { AXIS_STYLE, GRID_STROKE } from '../../core/charts/chart-theme';
import { ChartLegend, PlainLine, XTick, YTick } from './chart-parts';

export interface LineDef {
  key: string;
  name: string;
  colour: string;
  dashed?: boolean;
  /** Thin and faint: the raw values behind a smoothed line. */
  faint?: boolean;
  dots?: boolean;
}

interface Props {
  /** The accessible name and the caption's first words. */
  title: string;
  caption?: string;
  rows: readonly Row[];
  lines: readonly LineDef[];
  xLabel: string;
  yLabel: string;
  logScale?: boolean;
  yDomain?: [number, number];
  height?: number;
  className?: string;
  /** Ticks between whole numbers on x (epochs and batches have none). */
  decimalX?: boolean;
}

/**
 * One labelled line chart: axes with titles, a legend, a tooltip with exact values. Never
 * animated (an animation per update would keep the main thread busy while training) and
 * memoised, so it redraws only when its rows or settings change.
 */
export const LineFigure = memo(function LineFigure(p: Props) {
  const { rows, lines, logScale = false, yDomain, decimalX = false } = p;
  // Domains and ticks are computed here: recharts' own nice-tick search is slow per redraw.
  const axes = useMemo(() => {
    const keys = lines.map((l) => l.key);
    const x = stepAxis(rowsExtent(rows, ['x']), !decimalX);
    const y = yDomain
      ? valueAxis(yDomain)
      : logScale
        ? logAxis(rowsExtent(rows, keys, true))
        : valueAxis(rowsExtent(rows, keys));
    return { x, y };
  }, [rows, lines, logScale, yDomain, decimalX]);
  // The tooltip lists series in the order given (recharts sorts by name by default).
  const order = new Map(lines.map((l, i) => [l.key, i]));
  const byOrder = (item: { dataKey?: unknown }) => order.get(String(item.dataKey)) ?? order.size;
  return (
    <figure className={`chart-figure ${p.className ?? ''}`} aria-label={p.title}>
      <ChartLegend items={lines.filter((l) => !l.faint)} />
      <LineChart
        data={rows as Row[]}
        responsive
        style={{ width: '100%', height: p.height ?? 220 }}
        margin={{ top: 4, right: 12, bottom: 18, left: 8 }}
        role="img"
        title={p.title}
      >
        <CartesianGrid stroke={GRID_STROKE} />
        <XAxis
          dataKey="x"
          type="number"
          domain={axes.x.domain}
          ticks={axes.x.ticks}
          niceTicks="none"
          // A fixed interval and plain tick labels: recharts then measures no label in the DOM.
          interval={0}
          tick={XTick}
          label={{ value: p.xLabel, position: 'insideBottom', offset: -10, ...AXIS_STYLE }}
        />
        <YAxis
          type="number"
          scale={logScale ? 'log' : 'linear'}
          domain={axes.y.domain}
          ticks={axes.y.ticks}
          niceTicks="none"
          allowDataOverflow
          interval={0}
          tick={YTick}
          width={52}
          label={{ value: p.yLabel, angle: -90, position: 'insideLeft', ...AXIS_STYLE }}
        />
        <Tooltip
          formatter={(v) => (typeof v === 'number' ? formatFigure(v) : String(v))}
          labelFormatter={(x) =>
            `${p.xLabel} ${typeof x === 'number' ? formatExact(x) : String(x)}`
          }
          isAnimationActive={false}
          itemSorter={byOrder}
        />
        {lines.map((l) => (
          <Line
            key={l.key}
            dataKey={l.key}
            name={l.name}
            type="linear"
            stroke={l.colour}
            strokeWidth={l.faint ? 1 : 2}
            strokeOpacity={l.faint ? 0.45 : 1}
            {...(l.dashed ? { strokeDasharray: '5 4' } : {})}
            dot={l.dots ? { r: 2.5 } : false}
            activeDot={l.faint ? false : { r: 3.5 }}
            shape={PlainLine}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      {p.caption && <figcaption className="chart-caption">{p.caption}</figcaption>}
    </figure>
  );
});
