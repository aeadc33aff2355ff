import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatExact, formatShare, formatTick } from '../../core/charts/format';
import { histogramBars, unitHealth } from '../../core/charts/histogram';
import type { LayerProbe } from '../../training/probe-types';
import { AXIS_STYLE, CURRENT_TRAIN, GRID_STROKE } from './chart-theme';

interface Props {
  layer: LayerProbe;
  activation: string | null;
  compact: boolean;
}

/** The distribution of one layer's outputs on the probe batch, with its summary numbers. */
export const HistogramFigure = memo(function HistogramFigure({
  layer,
  activation,
  compact,
}: Props) {
  const { stats } = layer;
  const bars = useMemo(() => histogramBars(stats.histogram), [stats.histogram]);
  const health = unitHealth(activation, stats);
  const title = `Outputs of ${layer.name}`;
  return (
    <figure className={`chart-figure histogram${compact ? ' compact' : ''}`} aria-label={title}>
      <BarChart
        data={bars}
        responsive
        style={{ width: '100%', height: compact ? 130 : 240 }}
        margin={{ top: 6, right: 8, bottom: compact ? 4 : 18, left: compact ? 0 : 8 }}
        barCategoryGap={1}
        role="img"
        title={title}
      >
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis
          dataKey="mid"
          tickFormatter={formatTick}
          tick={AXIS_STYLE}
          minTickGap={16}
          {...(compact
            ? {}
            : {
                label: {
                  value: 'Output value',
                  position: 'insideBottom',
                  offset: -10,
                  ...AXIS_STYLE,
                },
              })}
        />
        <YAxis
          tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
          tick={AXIS_STYLE}
          width={compact ? 34 : 44}
          {...(compact
            ? {}
            : {
                label: {
                  value: 'Share of outputs',
                  angle: -90,
                  position: 'insideLeft',
                  ...AXIS_STYLE,
                },
              })}
        />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(_, payload) => {
            const bar = payload[0]?.payload as { from: number; to: number } | undefined;
            return bar ? `${formatExact(bar.from)} to ${formatExact(bar.to)}` : '';
          }}
          formatter={(v) => (typeof v === 'number' ? formatShare(v) : String(v))}
        />
        <Bar
          dataKey="share"
          name="Share of outputs"
          fill={CURRENT_TRAIN}
          isAnimationActive={false}
        />
      </BarChart>
      <figcaption className="chart-caption">
        <strong>{layer.name}</strong>{' '}
        <span className="muted">
          ({layer.kind}
          {activation ? `, ${activation}` : ''})
        </span>
        <span className="stat">mean {formatExact(stats.mean)}</span>
        <span className="stat">std {formatExact(stats.std)}</span>
        {health && (
          <span className={`stat${health.alarming ? ' alarming' : ''}`}>
            {health.label} {formatShare(health.share)}
          </span>
        )}
      </figcaption>
    </figure>
  );
});
