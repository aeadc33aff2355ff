import { SampleField } from '../../../components/SampleField';
import { useState, type ReactNode } from 'react';
import { SelectField } from '../../../components/SelectField';
import { SALIENCY_METHODS, type SaliencyMethod } from '../../../core/timeline/saliency-types';
import type { SaliencyReply } from '../../../core/timeline/saliency-types';
import { isActive } from '../../../core/training/run-state';
import { useAppStore, type AppState } from '../../../store/store';
import { Heatmap } from '../../../components/Heatmap';
import { featureRows, pixelMagnitudes, topInputs } from './saliency-view-data';

const METHODS = [
  { value: 'gradient', label: 'Gradient' },
  { value: 'integrated', label: 'Integrated gradients' },
] as const satisfies readonly { value: SaliencyMethod; label: string }[];

const HOW_TO_READ: Record<SaliencyMethod, string> = {
  gradient:
    'Each value is how fast the prediction changes when that input changes a little: large magnitudes are the inputs it is most sensitive to right now.',
  integrated:
    'Each value is how much that input moved the prediction away from an average input (all zeros after scaling); together they add up to that difference.',
};

const selectData = (s: AppState) => (s.prepared.ok ? s.prepared.value : null);

interface Shown {
  sample: number;
  method: SaliencyMethod;
  reply: SaliencyReply;
}

/**
 * For one validation sample: which inputs the current model's prediction depends on, computed
 * in the trainer on the model as it is now (it keeps the last run's model after it ends).
 */
export function SaliencyView() {
  const data = useAppStore(selectData);
  const run = { id: useAppStore((s) => s.run.id), status: useAppStore((s) => s.run.status) };
  const replaying = useAppStore((s) => s.replay !== null);
  const [sample, setSample] = useState(1);
  const [method, setMethod] = useState<SaliencyMethod>('gradient');
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!data) return <p className="hint">Load data first.</p>;
  const n = data.xShape[0] ?? 0;
  const valCount = n - data.trainCount;
  const first = valCount > 0 ? data.trainCount : 0;
  const count = valCount > 0 ? valCount : data.trainCount;
  const shape = data.xShape.slice(1);
  const per = shape.reduce((a, b) => a * b, 1);
  const trained =
    run.id > 0 && (isActive(run.status) || run.status === 'finished' || run.status === 'stopped');

  const explain = async () => {
    setBusy(true);
    setError(null);
    const at = first + Math.min(count, Math.max(1, sample)) - 1;
    const reply = await useAppStore.getState().saliencyRequest({
      runId: run.id,
      input: data.x.slice(at * per, (at + 1) * per),
      sampleShape: shape,
      method,
      steps: 32,
    });
    setBusy(false);
    if (reply.message || !reply.values) setError(reply.message ?? 'No answer.');
    else setShown({ sample, method, reply });
  };

  return (
    <div className="timeline-view saliency">
      <div className="timeline-row">
        <SampleField value={sample} count={count} onChange={setSample} />
        <SelectField<SaliencyMethod>
          label="Method"
          value={method}
          options={METHODS.filter((m) => SALIENCY_METHODS.includes(m.value))}
          onChange={setMethod}
          inline
        />
        <button
          type="button"
          onClick={() => void explain()}
          disabled={busy || !trained || replaying}
        >
          {busy ? 'Explaining…' : 'Explain this prediction'}
        </button>
      </div>
      {!trained && (
        <p className="hint">Train the model first: saliency explains a trained model.</p>
      )}
      {replaying && (
        <p className="hint">Saliency needs the model in memory: go back to the current run.</p>
      )}
      {error && (
        <p role="alert" className="hint warning">
          {error}
        </p>
      )}
      {shown && <SaliencyPicture shown={shown} shape={shape} data={data} first={first} per={per} />}
    </div>
  );
}

function SaliencyPicture({
  shown,
  shape,
  data,
  first,
  per,
}: {
  shown: Shown;
  shape: number[];
  data: NonNullable<ReturnType<typeof selectData>>;
  first: number;
  per: number;
}) {
  const { reply, sample, method } = shown;
  const values = reply.values!;
  const className =
    data.classNames.length > 1 ? (data.classNames[reply.target] ?? `class ${reply.target}`) : null;
  const what = className
    ? `the predicted class, ${className} (${((reply.outputs[reply.target] ?? 0) * 100).toFixed(1)}%)`
    : `the predicted value (${reply.outputs[0]?.toPrecision(3)})`;
  let picture: ReactNode;
  let ranked: { name: string; value: number }[] = [];
  if (shape.length === 3) {
    const [h, w, c] = shape as [number, number, number];
    const mags = pixelMagnitudes(values, c);
    const at = first + sample - 1;
    const image = Array.from(data.x.slice(at * per, at * per + h * w * c)).filter(
      (_, i) => i % c === 0,
    );
    const cell = Math.max(4, Math.floor(200 / Math.max(h, w)));
    picture = (
      <div className="weight-pictures">
        <figure>
          <Heatmap
            label={`Sample ${sample}`}
            rows={h}
            cols={w}
            values={image}
            domain={[Math.min(...image), Math.max(...image)]}
            cell={cell}
          />
          <figcaption>The input</figcaption>
        </figure>
        <figure>
          <Heatmap
            label={`Saliency of sample ${sample} (${method})`}
            rows={h}
            cols={w}
            values={mags}
            domain={[0, Math.max(...mags) || 1]}
            cell={cell}
          />
          <figcaption>Where the prediction depends on it (brighter: more)</figcaption>
        </figure>
      </div>
    );
  } else if (shape.length === 2) {
    const [steps, features] = shape as [number, number];
    const rows = featureRows(values, steps, features);
    const lim = Math.max(...rows.map(Math.abs)) || 1;
    picture = (
      <Heatmap
        label={`Saliency of window ${sample} over ${steps} time steps (${method})`}
        rows={features}
        cols={steps}
        values={rows}
        domain={[-lim, lim]}
        cell={Math.max(3, Math.floor(480 / steps))}
      />
    );
    const perStep = Array.from({ length: steps }, (_, t) =>
      Array.from({ length: features }, (_, f) => Math.abs(values[t * features + f]!)).reduce(
        (a, b) => a + b,
        0,
      ),
    );
    ranked = topInputs(
      perStep,
      perStep.map((_, t) => `step ${t + 1} of ${steps}`),
    );
  } else {
    const lim = Math.max(...Array.from(values, Math.abs)) || 1;
    ranked = topInputs(values, data.featureNames);
    picture = (
      <ul
        className="saliency-bars"
        aria-label={`Saliency of sample ${sample} per feature (${method})`}
      >
        {Array.from(values, (v, i) => (
          <li key={i}>
            <span className="bar-name">{data.featureNames[i] ?? `input ${i + 1}`}</span>
            <span
              className={`bar ${v < 0 ? 'negative' : 'positive'}`}
              style={{ width: `${(Math.abs(v) / lim) * 100}%` }}
            />
            <span className="bar-value">{v.toPrecision(3)}</span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="saliency-result">
      {picture}
      <p className="hint" data-testid="saliency-summary">
        Explaining {what} for validation sample {sample}.{' '}
        {ranked.length > 0 && `It depends most on ${ranked.map((r) => r.name).join(', ')}. `}
        {HOW_TO_READ[method]}
      </p>
    </div>
  );
}
