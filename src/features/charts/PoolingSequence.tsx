import { memo } from 'react';
import { formatTick } from '../../core/charts/format';
import { coveredRange } from '../../core/charts/pooling-windows';
import { channel, extent, linearScale, niceTicks } from '../../core/charts/scale';
import type { PoolingProbe } from '../../core/training/probe-types';
import { CURRENT_TRAIN, CURRENT_VAL } from '../../core/charts/chart-theme';
import type { PoolingGeometry } from './pooling-params';
import { keyColour } from './chart-parts';

const W = 760;
const LEFT = 48;
const RIGHT = 12;
const TOP = 8;
const PLOT_H = 150;
const LANE_H = 6;
const MAX_LANES = 4;
/** More windows than this are not told apart on screen; the first ones are drawn. */
const MAX_WINDOWS = 400;

interface Props {
  probe: PoolingProbe;
  geometry: PoolingGeometry;
  channel: number;
}

/**
 * A sequence before and after 1-D pooling: the input as a line, each window as a bar below
 * (overlapping windows on separate lanes, padding hatched), and each pooled value as a segment
 * across its window, so you see which values a window took.
 */
export const PoolingSequence = memo(function PoolingSequence({
  probe,
  geometry,
  channel: c,
}: Props) {
  const layout = geometry.axes[0];
  if (!layout) return null;
  const channels = probe.inputShape.at(-1) ?? 1;
  const input = channel(probe.input, channels, c);
  const output = channel(probe.output, channels, c);
  const windows = layout.windows.slice(0, MAX_WINDOWS);
  const L = layout.inputLength;
  const stride = windows.length > 1 ? (windows[1]?.start ?? 0) - (windows[0]?.start ?? 0) : 1;
  const pool = windows[0] ? windows[0].end - windows[0].start : 1;
  const lanes = Math.min(MAX_LANES, Math.max(1, Math.ceil(pool / Math.max(1, stride))));
  const lanesTop = TOP + PLOT_H + 10;
  const axisY = lanesTop + lanes * (LANE_H + 3) + 4;
  const H = axisY + 34;
  const x = linearScale(-layout.padBefore, L + layout.padAfter, LEFT, W - RIGHT);
  const [lo, hi] = extent(input, output);
  const y = linearScale(lo, hi, TOP + PLOT_H, TOP);
  const step = (i: number) => x(i + 0.5);
  const line = input.map((v, i) => `${step(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const label = `${probe.name}: ${L} steps in, ${output.length} out, channel ${c}; ${geometry.params}`;
  const hatch = `hatch-${probe.index}`;
  return (
    <figure className="chart-figure" aria-label={`Pooling windows of ${probe.name}`}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="pooling-svg">
        <defs>
          <pattern
            id={hatch}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line
              x1="0"
              y1="0"
              x2="0"
              y2="6"
              stroke="currentColor"
              strokeOpacity="0.35"
              strokeWidth="2"
            />
          </pattern>
        </defs>
        {layout.padBefore > 0 && (
          <rect
            x={x(-layout.padBefore)}
            y={TOP}
            width={x(0) - x(-layout.padBefore)}
            height={axisY - TOP}
            fill={`url(#${hatch})`}
            className="pad"
          />
        )}
        {layout.padAfter > 0 && (
          <rect
            x={x(L)}
            y={TOP}
            width={x(L + layout.padAfter) - x(L)}
            height={axisY - TOP}
            fill={`url(#${hatch})`}
            className="pad"
          />
        )}
        {layout.dropped > 0 && (
          <rect
            x={x(L - layout.dropped)}
            y={TOP}
            width={x(L) - x(L - layout.dropped)}
            height={PLOT_H}
            className="dropped"
          />
        )}
        {niceTicks(lo, hi, 4).map((t) => (
          <g key={t} className="tick">
            <line x1={LEFT} x2={W - RIGHT} y1={y(t)} y2={y(t)} className="gridline" />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end">
              {formatTick(t)}
            </text>
          </g>
        ))}
        <polyline
          points={line}
          fill="none"
          stroke={CURRENT_TRAIN}
          strokeWidth="1.5"
          className="pool-input"
        />
        {input.length <= 200 &&
          input.map((v, i) => <circle key={i} cx={step(i)} cy={y(v)} r="2" fill={CURRENT_TRAIN} />)}
        {windows.map((w, j) => {
          const v = output[j];
          const lane = j % lanes;
          const [from, to] = coveredRange(w, L);
          const ly = lanesTop + lane * (LANE_H + 3);
          return (
            <g key={j} className="pool-window">
              <rect
                x={x(w.start) + 0.5}
                y={ly}
                width={Math.max(1, x(w.end) - x(w.start) - 1)}
                height={LANE_H}
                className="window-pad"
              />
              <rect
                // Neighbouring windows alternate in shade so each one's extent can be told apart.
                className={j % 2 === 0 ? 'window' : 'window odd'}
                x={x(from) + 0.5}
                y={ly}
                width={Math.max(1, x(to) - x(from) - 1)}
                height={LANE_H}
              />
              {v !== undefined && Number.isFinite(v) && (
                <line
                  x1={x(w.start) + 1}
                  x2={x(w.end) - 1}
                  y1={y(v)}
                  y2={y(v)}
                  stroke={CURRENT_VAL}
                  strokeWidth="3"
                  className="pool-output"
                />
              )}
            </g>
          );
        })}
        <line x1={LEFT} x2={W - RIGHT} y1={axisY} y2={axisY} className="axis" />
        {niceTicks(0, L, 8).map((t) => (
          <text key={t} x={x(t)} y={axisY + 13} textAnchor="middle" className="tick">
            {t}
          </text>
        ))}
        <text x={(LEFT + W - RIGHT) / 2} y={H - 4} textAnchor="middle" className="axis-label">
          Step
        </text>
        <text
          transform={`translate(12 ${TOP + PLOT_H / 2}) rotate(-90)`}
          textAnchor="middle"
          className="axis-label"
        >
          Value
        </text>
      </svg>
      <figcaption className="chart-caption legend">
        <span className="key" style={keyColour(CURRENT_TRAIN)}>
          input, channel {c}
        </span>
        <span className="key" style={keyColour(CURRENT_VAL)}>
          {geometry.mode} over each window
        </span>
        <span className="key window-key">window</span>
        {layout.padBefore + layout.padAfter > 0 && <span className="key pad-key">padding</span>}
        {layout.dropped > 0 && (
          <span className="key dropped-key">
            {layout.dropped} step{layout.dropped === 1 ? '' : 's'} dropped
          </span>
        )}
        {layout.windows.length > windows.length && (
          <span>
            first {windows.length} of {layout.windows.length} windows shown
          </span>
        )}
      </figcaption>
    </figure>
  );
});
