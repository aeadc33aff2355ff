import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatFigure, formatTick } from '../../core/charts/format';
import { fitQuality, predictedVsActual } from '../../core/charts/predictions';
import { extent } from '../../core/charts/scale';
import type { PreparedData, WindowingConfig } from '../../data/index';
import type { Predictions } from '../../core/training/probe-types';
import { AXIS_STYLE, CURRENT_TRAIN, CURRENT_VAL, GRID_STROKE } from '../../core/charts/chart-theme';
import { StreamChart } from './StreamChart';

/** Steps from a window's first row to the row whose value it predicts. */
function rowOffset(w: WindowingConfig): number {
  if (!w.enabled) return 0;
  return w.mode === 'forecast' ? w.length - 1 + w.horizon : w.length - 1;
}

/**
 * Regression and forecasting: predictions against the true values in the data's own units.
 * Over time (a line each) when samples are in time order, as a scatter around y = x otherwise.
 */
export const PredictedVsActual = memo(function PredictedVsActual({
  data,
  predictions,
  windowing,
}: {
  data: PreparedData;
  predictions: Predictions;
  windowing: WindowingConfig;
}) {
  const points = useMemo(
    () =>
      predictedVsActual({
        ...predictions,
        y: data.y,
        yWidth: data.yShape[1] ?? 1,
        target: data.targetNormalisation,
        sourceRows: data.sourceRows,
        rowOffset: rowOffset(windowing),
      }),
    [data, predictions, windowing],
  );
  const quality = fitQuality(points);
  const summary = `${points.length} validation samples: mean absolute error ${formatFigure(quality.mae)}${quality.r2 === null ? '' : `, R² ${formatFigure(quality.r2)}`}.`;
  const target = data.targetName || 'value';
  if (data.splitMode === 'chronological') {
    const rows = points.map((p) => ({ x: p.x, actual: p.actual, predicted: p.predicted }));
    return (
      // Plain svg, as the loss charts: it redraws with every probe while training.
      <StreamChart
        title="Predicted and actual values"
        caption={`${target} over the validation rows, in the data's units. ${summary}`}
        rows={rows}
        lines={[
          { key: 'actual', name: 'Actual', colour: CURRENT_TRAIN },
          { key: 'predicted', name: 'Predicted', colour: CURRENT_VAL },
        ]}
        xLabel="Row"
        yLabel={target}
        logScale={false}
        height={260}
      />
    );
  }
  const [lo, hi] = extent(
    points.map((p) => p.actual),
    points.map((p) => p.predicted),
  );
  return (
    <figure className="chart-figure" aria-label="Predicted against actual values">
      <ScatterChart
        responsive
        style={{ width: '100%', maxWidth: 480, aspectRatio: 1 }}
        margin={{ top: 8, right: 12, bottom: 18, left: 8 }}
        role="img"
        title="Predicted against actual values"
      >
        <CartesianGrid stroke={GRID_STROKE} />
        <XAxis
          type="number"
          dataKey="actual"
          name="Actual"
          domain={[lo, hi]}
          tickFormatter={formatTick}
          tick={AXIS_STYLE}
          label={{
            value: `Actual ${target}`,
            position: 'insideBottom',
            offset: -10,
            ...AXIS_STYLE,
          }}
        />
        <YAxis
          type="number"
          dataKey="predicted"
          name="Predicted"
          domain={[lo, hi]}
          tickFormatter={formatTick}
          tick={AXIS_STYLE}
          width={52}
          label={{
            value: `Predicted ${target}`,
            angle: -90,
            position: 'insideLeft',
            ...AXIS_STYLE,
          }}
        />
        <ReferenceLine
          segment={[
            { x: lo, y: lo },
            { x: hi, y: hi },
          ]}
          stroke="currentColor"
          strokeOpacity={0.4}
          strokeDasharray="4 4"
        />
        <Tooltip
          isAnimationActive={false}
          formatter={(v) => (typeof v === 'number' ? formatFigure(v) : String(v))}
        />
        <Scatter
          data={points}
          fill={CURRENT_TRAIN}
          isAnimationActive={false}
          name="Validation samples"
        />
      </ScatterChart>
      <figcaption className="chart-caption">
        Each dot is a validation sample; on the dashed line the prediction is exact. {summary}
      </figcaption>
    </figure>
  );
});
