import { memo } from 'react';
import { formatFigure } from '../../core/charts/format';
import { channel, extent } from '../../core/charts/scale';
import type { PoolingProbe } from '../../core/training/probe-types';
import { Heatmap } from '../../components/Heatmap';
import type { PoolingGeometry } from './pooling-params';

/** Cells of 3 to 24 px, smaller for larger maps, so both fit side by side. */
const cellFor = (rows: number, cols: number) =>
  Math.max(3, Math.min(24, Math.floor(320 / Math.max(rows, cols))));

/** 2-D pooling: one channel of the feature map before and after, on one colour scale. */
export const PoolingMaps = memo(function PoolingMaps({
  probe,
  geometry,
  channel: c,
}: {
  probe: PoolingProbe;
  geometry: PoolingGeometry;
  channel: number;
}) {
  const [h = 1, w = 1, ch = 1] = probe.inputShape;
  const [oh = 1, ow = 1] = probe.outputShape;
  const input = channel(probe.input, ch, c);
  const output = channel(probe.output, probe.outputShape[2] ?? 1, c);
  const domain = extent(input, output);
  const [rows, cols] = geometry.axes;
  const cell = cellFor(h, w);
  return (
    <figure className="chart-figure pooling-maps" aria-label={`Feature maps of ${probe.name}`}>
      <div className="maps">
        <div>
          <Heatmap
            label={`${probe.name} input, channel ${c}: ${h}×${w}, windows outlined`}
            rows={h}
            cols={w}
            values={input}
            domain={domain}
            {...(rows && cols ? { windows: [rows, cols] as [typeof rows, typeof cols] } : {})}
            cell={cell}
          />
          <p className="hint">
            Before: {h}×{w}
          </p>
        </div>
        <div>
          <Heatmap
            label={`${probe.name} output, channel ${c}: ${oh}×${ow}`}
            rows={oh}
            cols={ow}
            values={output}
            domain={domain}
            // Output cells as big as the windows they summarise, so both maps cover the same area.
            cell={Math.min(48, Math.max(cell, Math.floor((cell * h) / Math.max(oh, 1))))}
          />
          <p className="hint">
            After: {oh}×{ow}
          </p>
        </div>
      </div>
      <figcaption className="chart-caption">
        Channel {c}, colour from {formatFigure(domain[0])} (dark) to {formatFigure(domain[1])}{' '}
        (yellow); {geometry.mode} over each outlined window
        {rows && rows.padBefore + rows.padAfter + (cols?.padBefore ?? 0) + (cols?.padAfter ?? 0) > 0
          ? ', grey edge: padding'
          : ''}
        .
      </figcaption>
    </figure>
  );
});
