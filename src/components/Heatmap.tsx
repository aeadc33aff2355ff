import { memo } from 'react';
import { viridis } from '../core/charts/colour';
import { formatFigure } from '../core/charts/format';
import type { PoolLayout } from '../core/charts/pooling-windows';

interface Props {
  label: string;
  rows: number;
  cols: number;
  /** Row-major rows × cols. */
  values: readonly number[];
  domain: [number, number];
  /** Pooling windows to outline, [row layout, column layout]. */
  windows?: [PoolLayout, PoolLayout];
  cell?: number;
}

/** A grid of values as SVG rects (viridis), optionally with pooling windows outlined on it. */
export const Heatmap = memo(function Heatmap({
  label,
  rows,
  cols,
  values,
  domain,
  windows,
  cell = 10,
}: Props) {
  const [lo, hi] = domain;
  const t = (v: number) => (v - lo) / (hi - lo || 1);
  const padTop = windows?.[0].padBefore ?? 0;
  const padLeft = windows?.[1].padBefore ?? 0;
  const totalRows = rows + padTop + (windows?.[0].padAfter ?? 0);
  const totalCols = cols + padLeft + (windows?.[1].padAfter ?? 0);
  return (
    <svg
      viewBox={`${-padLeft * cell - 1} ${-padTop * cell - 1} ${totalCols * cell + 2} ${totalRows * cell + 2}`}
      width={totalCols * cell + 2}
      height={totalRows * cell + 2}
      role="img"
      aria-label={label}
      className="heatmap"
    >
      {(padTop > 0 || padLeft > 0 || totalRows > rows || totalCols > cols) && (
        <rect
          x={-padLeft * cell}
          y={-padTop * cell}
          width={totalCols * cell}
          height={totalRows * cell}
          className="pad-area"
        />
      )}
      {values.map((v, i) => (
        <rect
          key={i}
          x={(i % cols) * cell}
          y={Math.floor(i / cols) * cell}
          width={cell}
          height={cell}
          fill={viridis(t(v))}
        >
          <title>{`row ${Math.floor(i / cols)}, column ${i % cols}: ${formatFigure(v)}`}</title>
        </rect>
      ))}
      {windows &&
        windows[0].windows.map((r, ri) =>
          windows[1].windows.map((c, ci) => (
            <rect
              key={`${ri}-${ci}`}
              x={c.start * cell + 0.75}
              y={r.start * cell + 0.75}
              width={(c.end - c.start) * cell - 1.5}
              height={(r.end - r.start) * cell - 1.5}
              className="window-outline"
            />
          )),
        )}
    </svg>
  );
});
