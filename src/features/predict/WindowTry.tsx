import { useId, useMemo, useState } from 'react';
import { rawFeatures, readValue } from '../../core/predict/reading';
import type { PreparedData } from '../../data/prepare';
import { formatValue } from './format-value';
import { PredictionReadout } from './PredictionReadout';
import { targetOf, truthOf, validationRange } from './sample-truth';
import { usePrediction } from './usePrediction';

interface Props {
  data: PreparedData;
  runId: number | null;
}

const W = 240;
const H = 64;
/** Room after the window for the value ahead: the truth (ring) and the prediction (dot). */
const AHEAD = 20;

/** The window's values of one feature, in the data's units, step by step. */
function featureSeries(data: PreparedData, index: number, feature: number): number[] {
  const [, steps = 0, f = 1] = data.xShape;
  const window = data.x.subarray(index * steps * f, (index + 1) * steps * f);
  return Array.from(
    { length: steps },
    (_, t) => rawFeatures(window, t, data.normalisation)[feature] ?? 0,
  );
}

/** A validation window picked with a slider, drawn, with the model's prediction and the truth. */
export function WindowTry({ data, runId }: Props) {
  const id = useId();
  const { first, count } = validationRange(data);
  const [pick, setPick] = useState(1);
  const at = first + Math.min(count, Math.max(1, pick)) - 1;
  const [, steps = 0, f = 1] = data.xShape;
  const shape = useMemo(() => data.xShape.slice(1), [data]);
  const input = useMemo(
    () => data.x.slice(at * steps * f, (at + 1) * steps * f),
    [data, at, steps, f],
  );
  const prediction = usePrediction(runId, input, shape);
  // The target's own past when it is an input; else the first feature.
  const shown = Math.max(0, data.featureNames.indexOf(data.targetName));
  const series = featureSeries(data, at, shown);
  // A forecast of the drawn column: its true and predicted next value go after the window.
  const forecast = data.task === 'regression' && data.featureNames[shown] === data.targetName;
  const truth = forecast ? targetOf(data, at) : null;
  const guess =
    forecast && prediction.outputs
      ? readValue(prediction.outputs[0] ?? NaN, data.targetNormalisation)
      : null;
  const all = [...series, ...[truth, guess].filter((v): v is number => Number.isFinite(v))];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const y = (v: number) => H - 4 - ((v - lo) / (hi - lo || 1)) * (H - 8);
  const points = series.map((v, t) => `${(t / Math.max(1, steps - 1)) * W},${y(v)}`).join(' ');
  const name = data.featureNames[shown] ?? '';
  const ahead = [
    truth !== null && `true value ahead ${formatValue(truth)}`,
    guess !== null && `predicted ${formatValue(guess)}`,
  ].filter(Boolean);

  return (
    <div className="window-try">
      <div className="try-row">
        <label htmlFor={id}>Validation window</label>
        <input
          id={id}
          type="range"
          min={1}
          max={count}
          step={1}
          value={Math.min(count, pick)}
          aria-valuetext={`window ${Math.min(count, pick)} of ${count}`}
          onChange={(e) => setPick(Number(e.target.value))}
        />
        <span className="hint">
          {Math.min(count, pick)} of {count}
        </span>
      </div>
      <svg
        className="window-svg"
        viewBox={`0 0 ${W + AHEAD} ${H}`}
        role="img"
        aria-label={`Window ${Math.min(count, pick)}: '${name}' over ${steps} steps, from ${formatValue(series[0] ?? 0)} to ${formatValue(series.at(-1) ?? 0)}${ahead.length ? `; ${ahead.join(', ')}` : ''}`}
      >
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} />
        {truth !== null && (
          <circle className="window-truth" cx={W + AHEAD / 2} cy={y(truth)} r={4} />
        )}
        {guess !== null && Number.isFinite(guess) && (
          <circle className="window-guess" cx={W + AHEAD / 2} cy={y(guess)} r={2.5} />
        )}
      </svg>
      {forecast && (
        <p className="hint">
          The ring is the true value ahead of the window; the dot, the prediction.
        </p>
      )}
      {runId !== null && (
        <PredictionReadout data={data} prediction={prediction} truth={truthOf(data, at)} />
      )}
    </div>
  );
}
