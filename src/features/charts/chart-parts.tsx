import type { CSSProperties } from 'react';
import type { LineDrawShapeProps } from 'recharts';
import { formatTick } from '../../core/charts/format';

/**
 * Plain SVG tick labels and an HTML legend for the recharts charts. recharts' own <Text> and
 * <Legend> measure themselves in the DOM on every redraw (each measurement forces a layout of
 * the whole page); these draw without measuring, which keeps a live chart's redraw short.
 */
interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

const num = (v: number | string | undefined) => (typeof v === 'number' ? v : Number(v ?? 0));
const label = (p: TickProps, format: (v: number) => string) => {
  const v = p.payload?.value;
  return typeof v === 'number' ? format(v) : String(v ?? '');
};

export function XTick(p: TickProps & { format?: (v: number) => string }) {
  return (
    <text x={num(p.x)} y={num(p.y) + 11} textAnchor="middle" className="chart-tick">
      {label(p, p.format ?? formatTick)}
    </text>
  );
}

export function YTick(p: TickProps & { format?: (v: number) => string }) {
  return (
    <text x={num(p.x) - 3} y={num(p.y)} dy="0.32em" textAnchor="end" className="chart-tick">
      {label(p, p.format ?? formatTick)}
    </text>
  );
}

export interface LegendItem {
  key: string;
  name: string;
  colour: string;
  dashed?: boolean;
}

export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {items.map((l) => (
        <li key={l.key}>
          <svg width="18" height="8" aria-hidden="true">
            <line
              x1="1"
              x2="17"
              y1="4"
              y2="4"
              stroke={l.colour}
              strokeWidth="2"
              {...(l.dashed ? { strokeDasharray: '4 3' } : {})}
            />
          </svg>
          {l.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * A line through the points, skipping gaps (connectNulls), drawn without a ref: recharts'
 * default shape measures the path's length on every redraw (for an entrance animation these
 * charts never play), and each measurement forces a layout of the page.
 */
export function PlainLine(p: LineDrawShapeProps) {
  let d = '';
  for (const pt of p.points ?? []) {
    if (pt.x == null || pt.y == null || !Number.isFinite(pt.x) || !Number.isFinite(pt.y)) continue;
    d += `${d === '' ? 'M' : 'L'}${pt.x.toFixed(1)},${pt.y.toFixed(1)}`;
  }
  if (d === '') return null;
  return (
    <path
      d={d}
      fill="none"
      className="recharts-curve recharts-line-curve"
      stroke={p.stroke}
      strokeWidth={p.strokeWidth}
      strokeOpacity={p.strokeOpacity}
      strokeDasharray={p.strokeDasharray}
    />
  );
}

/** A legend key's swatch colour (the words keep the text colour, for contrast). */
export const keyColour = (colour: string) => ({ '--key': colour }) as CSSProperties;
