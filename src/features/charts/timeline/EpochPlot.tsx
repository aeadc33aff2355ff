import type { ReactNode } from 'react';
import type { AxisSpec } from '../../../core/charts/axis';
import { formatTick } from '../../../core/charts/format';
import { linearScale, logScale, type Scale } from '../../../core/charts/scale';

export const PLOT = { width: 560, height: 200, left: 52, right: 12, top: 10, bottom: 38 };

interface Props {
  label: string;
  x: AxisSpec;
  y: AxisSpec;
  log?: boolean;
  /** The scrubber's epoch, marked with a vertical line. */
  marker: number | null;
  children(sx: Scale, sy: Scale): ReactNode;
}

/** The frame shared by the timeline's charts over epochs: axes, ticks and the epoch marker. */
export function EpochPlot({ label, x, y, log, marker, children }: Props) {
  const { width, height, left, right, top, bottom } = PLOT;
  const sx = linearScale(x.domain[0], x.domain[1], left, width - right);
  const sy = (log ? logScale : linearScale)(y.domain[0], y.domain[1], height - bottom, top);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="epoch-plot">
      {y.ticks.map((t) => (
        <g key={`y${t}`}>
          <line x1={left} x2={width - right} y1={sy(t)} y2={sy(t)} className="grid" />
          <text x={left - 4} y={sy(t) + 4} textAnchor="end" className="tick">
            {formatTick(t)}
          </text>
        </g>
      ))}
      {x.ticks.map((t) => (
        <text key={`x${t}`} x={sx(t)} y={height - 22} textAnchor="middle" className="tick">
          {formatTick(t)}
        </text>
      ))}
      <text x={(left + width - right) / 2} y={height - 4} textAnchor="middle" className="tick">
        epoch
      </text>
      {children(sx, sy)}
      {marker !== null && (
        <line
          x1={sx(marker)}
          x2={sx(marker)}
          y1={top}
          y2={height - bottom}
          className="epoch-marker"
        />
      )}
    </svg>
  );
}
