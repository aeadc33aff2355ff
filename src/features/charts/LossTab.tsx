import { useMemo } from 'react';
import { batchColumns } from '../../core/charts/series';
import { useAppStore } from '../../store/store';
import { selectRun, selectShownRuns } from '../../store/selectors';
import { runColour } from './chart-theme';
import { LineFigure } from './LineFigure';
import { LossControls } from './LossControls';
import {
  batchChart,
  epochChart,
  metricsIn,
  QUANTITY_LABELS,
  type CurveSource,
  type ViewOptions,
} from './loss-data';
import { RunList } from './RunList';
import { useThrottledStore } from './useThrottledStore';

interface Props {
  view: ViewOptions;
  onViewChange(view: ViewOptions): void;
}

/** Loss and metrics of the run on screen, with earlier runs overlaid; the run history beside. */
export function LossTab({ view, onViewChange }: Props) {
  const run = useThrottledStore(selectRun);
  const shown = useAppStore(selectShownRuns);
  const { losses, epochs, batchesPerEpoch } = run;
  const current = useMemo<CurveSource | null>(
    () =>
      losses.length === 0 && epochs.length === 0
        ? null
        : {
            key: 'cur',
            label: 'This run',
            colour: '',
            current: true,
            epochs,
            batches: batchColumns(losses, batchesPerEpoch),
          },
    [losses, epochs, batchesPerEpoch],
  );
  const overlays = useMemo<CurveSource[]>(
    () =>
      shown.map((r) => ({
        key: r.id,
        label: r.name,
        colour: runColour(r.number),
        current: false,
        epochs: r.epochs,
        batches: r.batches,
      })),
    [shown],
  );
  const sources = useMemo(() => (current ? [current, ...overlays] : overlays), [current, overlays]);
  const lossPerEpoch = useMemo(
    () => epochChart(sources, 'loss', view.logScale),
    [sources, view.logScale],
  );
  const lossPerBatch = useMemo(() => batchChart(sources, view), [sources, view]);
  const metrics = useMemo(() => metricsIn(sources), [sources]);
  const metricCharts = useMemo(
    () => metrics.map((m) => ({ metric: m, data: epochChart(sources, m, false) })),
    [metrics, sources],
  );

  return (
    <div className="loss-tab">
      <div className="loss-charts">
        <LossControls view={view} onChange={onViewChange} />
        {sources.length === 0 ? (
          <p className="empty-note">Press Train to draw the loss curves here.</p>
        ) : (
          <div className="chart-grid">
            <LineFigure
              title="Loss per epoch"
              caption="Train and validation loss after each epoch; earlier runs dashed for validation."
              rows={lossPerEpoch.rows}
              lines={lossPerEpoch.lines}
              xLabel="Epoch"
              yLabel="Loss"
              logScale={view.logScale}
            />
            <LineFigure
              title="Loss per batch"
              caption={`Every batch's training loss${view.smoothing > 0 ? `, smoothed (EMA ${view.smoothing.toFixed(2)}) over the raw values` : ''}.`}
              rows={lossPerBatch.rows}
              lines={lossPerBatch.lines}
              xLabel="Batch"
              yLabel="Loss"
              logScale={view.logScale}
              className="batch-loss"
            />
            {metricCharts.map(({ metric, data }) => (
              <LineFigure
                key={metric}
                title={`${QUANTITY_LABELS[metric] ?? metric} per epoch`}
                caption={`Train and validation ${QUANTITY_LABELS[metric]?.toLowerCase() ?? metric} after each epoch.`}
                rows={data.rows}
                lines={data.lines}
                xLabel="Epoch"
                yLabel={QUANTITY_LABELS[metric] ?? metric}
                {...(metric === 'accuracy' ? { yDomain: [0, 1] as [number, number] } : {})}
              />
            ))}
          </div>
        )}
      </div>
      <RunList />
    </div>
  );
}
