import { useAppStore } from '../../store/store';
import {
  selectDatasetConfig,
  selectLiveConfig,
  selectPrepared,
  selectProbe,
} from '../../store/selectors';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DecisionBoundary } from './DecisionBoundary';
import { gridFor } from './decision-grid-inputs';
import { PredictedVsActual } from './PredictedVsActual';
import { ProbeNote } from './ProbeNote';
import { useThrottledStore } from '../../store/useThrottledStore';

/** What the model predicts on validation data, drawn for the kind of task. */
export function PredictionsTab() {
  const probe = useThrottledStore(selectProbe);
  const prepared = useAppStore(selectPrepared);
  const dataConfig = useAppStore(selectDatasetConfig);
  const live = useAppStore(selectLiveConfig);
  if (!prepared.ok) return <p className="empty-note">{prepared.reason}</p>;
  if (!probe?.predictions || !live) {
    return (
      <p className="empty-note">
        Train with a validation split to see the model's predictions here.
      </p>
    );
  }
  // Labels come from the data on screen: a run on other data cannot be compared with them.
  if (JSON.stringify(live.data.config) !== JSON.stringify(dataConfig)) {
    return (
      <p className="empty-note">
        The data changed since this run: train again to see its predictions.
      </p>
    );
  }
  const data = prepared.value;
  const grid = gridFor(data);
  return (
    <div className="predictions-tab">
      <ProbeNote probe={probe} />
      {data.task === 'regression' ? (
        <PredictedVsActual
          data={data}
          predictions={probe.predictions}
          windowing={dataConfig.prepare.windowing}
        />
      ) : (
        <div className="predictions-row">
          {grid && probe.extra && probe.extra.count === grid.size * grid.size && (
            <DecisionBoundary data={data} grid={grid} extra={probe.extra} />
          )}
          <ConfusionMatrix data={data} predictions={probe.predictions} />
        </div>
      )}
    </div>
  );
}
