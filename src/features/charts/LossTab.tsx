import { useMemo } from 'react';
import { useAppStore } from '../../store/store';
import { selectEpochs, selectRunStatus, selectShownRuns } from '../../store/selectors';
import { BatchLossFigure } from './BatchLossFigure';
import { runColour } from '../../core/charts/chart-theme';
import { EpochFigure } from './EpochFigure';
import { LossControls } from './LossControls';
import { metricsIn, type CurveSource, type ViewOptions } from './loss-data';
import { RunList } from './RunList';
import { useThrottledStore } from '../../store/useThrottledStore';

interface Props {
  view: ViewOptions;
  onViewChange(view: ViewOptions): void;
}

/** Loss and metrics of the run on screen, with earlier runs overlaid; the run history beside. */
export function LossTab({ view, onViewChange }: Props) {
  const epochs = useThrottledStore(selectEpochs);
  const status = useAppStore(selectRunStatus);
  const shown = useAppStore(selectShownRuns);
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
  const first = epochs[0];
  const metrics = useMemo(
    () =>
      metricsIn([
        ...overlays,
        ...(first
          ? [{ key: 'cur', label: '', colour: '', current: true, epochs: [first], batches: [] }]
          : []),
      ]),
    [overlays, first],
  );
  const empty = status === 'idle' && epochs.length === 0 && overlays.length === 0;

  return (
    <div className="loss-tab">
      <div className="loss-charts">
        <LossControls view={view} onChange={onViewChange} />
        {empty ? (
          <p className="empty-note">Press Train to draw the loss curves here.</p>
        ) : (
          <div className="chart-grid">
            <EpochFigure quantity="loss" overlays={overlays} logScale={view.logScale} />
            <BatchLossFigure view={view} overlays={overlays} />
            {metrics.map((m) => (
              <EpochFigure key={m} quantity={m} overlays={overlays} logScale={false} />
            ))}
          </div>
        )}
      </div>
      <RunList />
    </div>
  );
}
