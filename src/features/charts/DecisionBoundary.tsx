import { memo, useMemo } from 'react';
import { confidenceRgb } from '../../core/charts/colour';
import { labelClasses } from '../../core/charts/confusion';
import { cellVerdicts, type Grid } from '../../core/charts/decision-grid';
import { formatTick } from '../../core/charts/format';
import { linearScale, niceTicks } from '../../core/charts/scale';
import type { PreparedData } from '../../data/index';
import type { Predictions } from '../../core/training/probe-types';
import { classColour } from '../../core/charts/chart-theme';
import { keyColour } from './chart-parts';
import { cellsImage } from './cells-image';

const SIZE = 320;
const LEFT = 40;
const BOTTOM = 36;
/** Enough points to see the classes without hiding the regions under them. */
const MAX_POINTS = 600;

/**
 * TensorFlow Playground's picture: the plane coloured by the class the model predicts (paler
 * where it is unsure), with the data on top; validation points have a dark ring.
 */
export const DecisionBoundary = memo(function DecisionBoundary({
  data,
  grid,
  extra,
}: {
  data: PreparedData;
  grid: Grid;
  extra: Predictions;
}) {
  const k = Math.max(2, data.numClasses);
  const picture = useMemo(() => {
    const cells = cellVerdicts(extra.values, grid.size * grid.size, extra.units);
    const colours = cells.map((v) => confidenceRgb(classColour(v.cls), v.confidence, k));
    return cellsImage(colours, grid.size);
  }, [extra, grid.size, k]);
  const n = data.xShape[0] ?? 0;
  const points = useMemo(() => {
    const classes = labelClasses(data.y, data.yShape, 0, n);
    const every = Math.max(1, Math.ceil(n / MAX_POINTS));
    const out: { a: number; b: number; cls: number; val: boolean }[] = [];
    for (let i = 0; i < n; i += every) {
      out.push({
        a: data.x[2 * i] ?? 0,
        b: data.x[2 * i + 1] ?? 0,
        cls: classes[i] ?? 0,
        val: i >= data.trainCount,
      });
    }
    return out;
  }, [data, n]);
  const x = linearScale(grid.x0, grid.x1, LEFT, LEFT + SIZE);
  const y = linearScale(grid.y0, grid.y1, SIZE, 0);
  const [fx = 'x₁', fy = 'x₂'] = data.featureNames;
  const name = (c: number) => data.classNames[c] ?? String(c);
  return (
    <figure className="chart-figure decision" aria-label="Decision boundary">
      <svg
        viewBox={`0 0 ${LEFT + SIZE + 8} ${SIZE + BOTTOM}`}
        role="img"
        aria-label={`Decision boundary over ${fx} and ${fy}, with the data points`}
        className="decision-svg"
      >
        <image
          href={picture}
          x={LEFT}
          y={0}
          width={SIZE}
          height={SIZE}
          preserveAspectRatio="none"
          className="decision-cells"
          data-cells={grid.size * grid.size}
        />
        {points.map((p, i) => (
          <circle
            key={i}
            cx={x(p.a)}
            cy={y(p.b)}
            r={2.6}
            fill={classColour(p.cls)}
            className={p.val ? 'point val' : 'point'}
          />
        ))}
        {niceTicks(grid.x0, grid.x1, 5).map((t) => (
          <text key={`x${t}`} x={x(t)} y={SIZE + 13} textAnchor="middle" className="tick">
            {formatTick(t)}
          </text>
        ))}
        {niceTicks(grid.y0, grid.y1, 5).map((t) => (
          <text key={`y${t}`} x={LEFT - 4} y={y(t) + 4} textAnchor="end" className="tick">
            {formatTick(t)}
          </text>
        ))}
        <text x={LEFT + SIZE / 2} y={SIZE + BOTTOM - 4} textAnchor="middle" className="axis-label">
          {fx} (normalised)
        </text>
        <text
          transform={`translate(11 ${SIZE / 2}) rotate(-90)`}
          textAnchor="middle"
          className="axis-label"
        >
          {fy} (normalised)
        </text>
      </svg>
      <figcaption className="chart-caption legend">
        {Array.from({ length: k }, (_, c) => (
          <span key={c} className="key" style={keyColour(classColour(c))}>
            {name(c)}
          </span>
        ))}
        <span>paler: less sure; ringed points: validation</span>
      </figcaption>
    </figure>
  );
});
