import { memo, useCallback, useMemo } from 'react';
import { valueAxis } from '../../core/charts/axis';
import { formatExact, formatFigure, formatShare, formatTick } from '../../core/charts/format';
import { histogramBars, unitHealth } from '../../core/charts/histogram';
import { linearScale, niceTicks } from '../../core/charts/scale';
import type { AppState } from '../../store/store';
import { selectProbe } from '../../store/selectors';
import { CURRENT_TRAIN } from '../../core/charts/chart-theme';
import { useElementWidth } from './useElementWidth';
import { useThrottledStore } from '../../store/useThrottledStore';

interface Props {
  /** The layer's index in the spec. */
  index: number;
  activation: string | null;
  compact: boolean;
}

const percent = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The distribution of one layer's outputs on the probe batch, with its summary numbers. Plain
 * SVG: every histogram redraws at each probe, and a recharts redraw of each would hold the
 * page for tens of milliseconds. Each follows the probes on its own, one redraw per task.
 */
export const HistogramFigure = memo(function HistogramFigure({
  index,
  activation,
  compact,
}: Props) {
  const select = useCallback(
    (s: AppState) => selectProbe(s)?.layers.find((l) => l.index === index) ?? null,
    [index],
  );
  const layer = useThrottledStore(select);
  const [box, width] = useElementWidth<HTMLDivElement>(compact ? 220 : 600);
  const bars = useMemo(() => (layer ? histogramBars(layer.stats.histogram) : []), [layer]);
  if (!layer) return null;
  const { stats } = layer;
  const health = unitHealth(activation, stats);
  const title = `Outputs of ${layer.name}`;
  const height = compact ? 120 : 220;
  const m = compact
    ? { top: 6, right: 8, bottom: 18, left: 34 }
    : { top: 8, right: 12, bottom: 36, left: 52 };
  const lo = bars[0]?.from ?? 0;
  const hi = bars.at(-1)?.to ?? 1;
  const x = linearScale(lo, hi, m.left, width - m.right);
  const yAxis = valueAxis([0, Math.max(...bars.map((b) => b.share), 0.01)], compact ? 3 : 5);
  const y = linearScale(0, yAxis.domain[1], height - m.bottom, m.top);
  return (
    <figure className={`chart-figure histogram${compact ? ' compact' : ''}`} aria-label={title}>
      <div ref={box} className="stream-box">
        <svg width={width} height={height} role="img" aria-label={`${title}: histogram`}>
          {yAxis.ticks.map((t) => (
            <g key={t}>
              <line x1={m.left} x2={width - m.right} y1={y(t)} y2={y(t)} className="gridline" />
              <text x={m.left - 4} y={y(t)} dy="0.32em" textAnchor="end" className="chart-tick">
                {percent(t)}
              </text>
            </g>
          ))}
          {bars.map((b, i) => (
            <rect
              key={i}
              className="hist-bar"
              x={x(b.from) + 0.5}
              y={y(b.share)}
              width={Math.max(0.5, x(b.to) - x(b.from) - 1)}
              height={Math.max(0, y(0) - y(b.share))}
              fill={CURRENT_TRAIN}
            >
              <title>{`${formatFigure(b.from)} to ${formatFigure(b.to)}: ${formatShare(b.share)} of outputs`}</title>
            </rect>
          ))}
          {niceTicks(lo, hi, compact ? 3 : 6).map((t) => (
            <text
              key={t}
              x={x(t)}
              y={height - m.bottom + 13}
              textAnchor="middle"
              className="chart-tick"
            >
              {formatTick(t)}
            </text>
          ))}
          {!compact && (
            <>
              <text
                x={(m.left + width - m.right) / 2}
                y={height - 4}
                textAnchor="middle"
                className="axis-label"
              >
                Output value
              </text>
              <text
                transform={`translate(13 ${(m.top + height - m.bottom) / 2}) rotate(-90)`}
                textAnchor="middle"
                className="axis-label"
              >
                Share of outputs
              </text>
            </>
          )}
        </svg>
      </div>
      <figcaption className="chart-caption">
        <strong>{layer.name}</strong>{' '}
        <span className="muted">
          ({layer.kind}
          {activation ? `, ${activation}` : ''})
        </span>
        <span className="stat" title={formatExact(stats.mean)}>
          mean {formatFigure(stats.mean)}
        </span>
        <span className="stat" title={formatExact(stats.std)}>
          std {formatFigure(stats.std)}
        </span>
        {health && (
          <span className={`stat${health.alarming ? ' alarming' : ''}`}>
            {health.label} {formatShare(health.share)}
          </span>
        )}
      </figcaption>
    </figure>
  );
});
