import { readClasses, readValue } from '../../core/predict/reading';
import type { PreparedData } from '../../data/prepare';
import type { Prediction } from './usePrediction';
import { ProbabilityBars } from './ProbabilityBars';
import { formatValue } from './format-value';

interface Props {
  data: PreparedData;
  prediction: Prediction;
  /** The true class name or value, for a sample from the data; absent for a drawing. */
  truth?: string;
}

/** The model's answer in the data's terms: class probabilities, or the value in its units. */
export function PredictionReadout({ data, prediction, truth }: Props) {
  if (prediction.message) {
    return (
      <p role="alert" className="hint warning">
        {prediction.message}
      </p>
    );
  }
  if (!prediction.outputs) return <p className="hint">Asking the model…</p>;
  const truthLine = truth !== undefined && <p className="try-truth">True: {truth}</p>;
  if (data.task === 'regression') {
    const v = readValue(prediction.outputs[0] ?? NaN, data.targetNormalisation);
    return (
      <div className="try-reading">
        <p className="try-value">
          Predicted {data.targetName}: <output>{formatValue(v)}</output>
        </p>
        {truthLine}
      </div>
    );
  }
  const r = readClasses(prediction.outputs, data.classNames.length);
  if (!r.ok) {
    return (
      <p role="alert" className="hint warning">
        {r.reason}
      </p>
    );
  }
  return (
    <div className="try-reading">
      <p className="try-value">
        Predicted {data.targetName}: <output>{data.classNames[r.value.best]}</output>
      </p>
      {truthLine}
      <ProbabilityBars
        classNames={data.classNames}
        probabilities={r.value.probabilities}
        best={r.value.best}
      />
      {r.value.note && <p className="hint">{r.value.note}</p>}
    </div>
  );
}
