import { memo, useMemo } from 'react';
import { selectEpochs } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { StreamChart } from './StreamChart';
import { epochChart, QUANTITY_LABELS, type CurveSource } from './loss-data';
import { useThrottledStore } from '../../store/useThrottledStore';

const UNIT_RANGE: [number, number] = [0, 1];
/**
 * Epochs of a fraction of a second (small data) end several times a second: the per-epoch
 * charts then redraw at most 4 times a second, on the batch chart's ticks, not at every end.
 */
const EPOCH_REDRAW_GAP_MS = 250;

/**
 * One quantity per epoch (loss or a metric), for the run on screen and the overlaid runs.
 * Each chart subscribes on its own, so at an epoch's end each redraws in a task of its own.
 * It updates live, so it draws with the plain-SVG StreamChart: a recharts redraw here was the
 * main source of 50-100 ms main-thread tasks while training (see the benchmark).
 */
export const EpochFigure = memo(function EpochFigure(props: {
  quantity: string;
  overlays: readonly CurveSource[];
  logScale: boolean;
}) {
  const { quantity, overlays, logScale } = props;
  const epochs = useThrottledStore(selectEpochs, EPOCH_REDRAW_GAP_MS);
  const data = useMemo(() => {
    const current: CurveSource[] =
      epochs.length === 0
        ? []
        : [{ key: 'cur', label: 'This run', colour: '', current: true, epochs, batches: [] }];
    return epochChart([...current, ...overlays], quantity, logScale);
  }, [epochs, overlays, quantity, logScale]);
  const name = QUANTITY_LABELS[quantity] ?? quantity;
  // The timeline's epoch, while scrubbing the run on screen.
  const marker = useAppStore((s) => (s.replay ? null : s.timelineAt));
  const caption =
    quantity === 'loss'
      ? 'Train and validation loss after each epoch; earlier runs dashed for validation.'
      : `Train and validation ${name.toLowerCase()} after each epoch.`;
  return (
    <StreamChart
      title={`${name} per epoch`}
      caption={
        marker === null
          ? caption
          : `${caption} The dashed red line marks epoch ${marker}, where the timeline stands.`
      }
      rows={data.rows}
      lines={data.lines}
      xLabel="Epoch"
      yLabel={name}
      logScale={logScale}
      dots
      marker={marker}
      {...(quantity === 'accuracy' ? { yDomain: UNIT_RANGE } : {})}
    />
  );
});
