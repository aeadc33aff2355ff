import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { confusionMatrix, labelClasses, predictedClasses } from '../../core/charts/confusion';
import type { Predictions } from '../../core/training/probe-types';
import type { PreparedData } from '../../data/index';
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
import { mistakeCount, verdicts, type CellFilter } from './mistakes/mistakes';
import { MistakesGallery } from './mistakes/MistakesGallery';
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
        <Classification
          data={data}
          predictions={probe.predictions}
          beside={
            grid &&
            probe.extra &&
            probe.extra.count === grid.size * grid.size && (
              <DecisionBoundary data={data} grid={grid} extra={probe.extra} />
            )
          }
        />
      )}
    </div>
  );
}

/**
 * The confusion matrix (beside the decision boundary, when there is one) and the mistakes
 * gallery under it, from the same probe predictions: a cell's count is exactly the samples it
 * opens. Both follow the probe, live or at the timeline's epoch.
 */
function Classification({
  data,
  predictions,
  beside,
}: {
  data: PreparedData;
  predictions: Predictions;
  beside: ReactNode;
}) {
  const k = Math.max(2, data.numClasses);
  const { confusion, all, wrong } = useMemo(() => {
    const { values, count, units, firstSample } = predictions;
    const predicted = predictedClasses(values, count, units);
    const actual = labelClasses(data.y, data.yShape, firstSample, count);
    const all = verdicts(values, units, actual, predicted, k);
    return { confusion: confusionMatrix(actual, predicted, k), all, wrong: mistakeCount(all) };
  }, [data, predictions, k]);
  const [{ cell, reveal }, setPick] = useState<{ cell: CellFilter; reveal: boolean }>({
    cell: null,
    reveal: false,
  });
  const onSelect = useCallback(
    (cell: CellFilter, pointer: boolean) => setPick({ cell, reveal: pointer }),
    [],
  );
  // A cell of other data (fewer classes) no longer exists.
  const filter = cell && cell.actual < k && cell.predicted < k ? cell : null;
  const galleryId = useId();
  return (
    <>
      <div className="predictions-row">
        {beside}
        <ConfusionMatrix
          confusion={confusion}
          classNames={data.classNames}
          selected={filter}
          onSelect={onSelect}
          galleryId={galleryId}
        />
      </div>
      <MistakesGallery
        key={filter ? `${filter.actual}-${filter.predicted}` : 'all'}
        id={galleryId}
        data={data}
        firstSample={predictions.firstSample}
        all={all}
        wrong={wrong}
        filter={filter}
        reveal={reveal}
        onShowAll={() => setPick({ cell: null, reveal: false })}
      />
    </>
  );
}
