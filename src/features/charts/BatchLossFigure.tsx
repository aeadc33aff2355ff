import { memo, useMemo } from 'react';
import { batchColumns } from '../../core/charts/series';
import { selectBatchesPerEpoch, selectBatchLosses } from '../../store/selectors';
import { StreamChart } from './StreamChart';
import { batchChart, type CurveSource, type ViewOptions } from './loss-data';
import { useThrottledStore } from '../../store/useThrottledStore';

/**
 * The per-batch loss stream. It subscribes on its own, so a batch redraws this chart alone;
 * its cost stays flat with the run's length (smoothing is O(n), then LTTB keeps MAX_DRAWN points).
 */
export const BatchLossFigure = memo(function BatchLossFigure(props: {
  view: ViewOptions;
  overlays: readonly CurveSource[];
}) {
  const { view, overlays } = props;
  const losses = useThrottledStore(selectBatchLosses);
  const perEpoch = useThrottledStore(selectBatchesPerEpoch);
  const data = useMemo(() => {
    const current: CurveSource[] =
      losses.length === 0
        ? []
        : [
            {
              key: 'cur',
              label: 'This run',
              colour: '',
              current: true,
              epochs: [],
              batches: batchColumns(losses, perEpoch),
            },
          ];
    return batchChart([...current, ...overlays], view);
  }, [losses, perEpoch, overlays, view]);
  const smoothed =
    view.smoothing > 0 ? `, smoothed (EMA ${view.smoothing.toFixed(2)}) over the raw values` : '';
  return (
    <StreamChart
      title="Loss per batch"
      caption={`Every batch's training loss${smoothed}.`}
      rows={data.rows}
      lines={data.lines}
      xLabel="Batch"
      yLabel="Loss"
      logScale={view.logScale}
    />
  );
});
