import { useId } from 'react';
import { useAppStore } from '../../store/store';
import {
  selectBackendChoice,
  selectEffectiveLoss,
  selectIsTraining,
  selectTrainingSettings,
  selectValidationSplit,
} from '../../store/selectors';
import {
  BACKEND_CHOICES,
  BACKEND_CHOICE_LABELS,
  type BackendChoice,
} from '../../training/backend-names';
import {
  LOSS_LABELS,
  LOSSES,
  MAX_SEED,
  METRICS,
  OPTIMIZER_LABELS,
  OPTIMIZERS,
  type LossId,
  type MetricId,
  type OptimizerId,
} from '../../training/settings';
import { NumberField } from './NumberField';

function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onChange(v: T): void;
  disabled?: boolean;
  wide?: boolean;
}) {
  const id = useId();
  return (
    <div className={props.wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels[o]}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Everything a run is set up with. While a run is active only the learning rate can change
 * (it applies at the next batch); the rest would train something other than what is shown.
 */
export function TrainingSettingsForm() {
  const settings = useAppStore(selectTrainingSettings);
  const choice = useAppStore(selectBackendChoice);
  const split = useAppStore(selectValidationSplit);
  const effectiveLoss = useAppStore(selectEffectiveLoss);
  const busy = useAppStore(selectIsTraining);
  const { setTrainingSettings: set, setBackendChoice, setValidationSplit } = useAppStore.getState();
  const lossLabels = { auto: `Auto (${LOSS_LABELS[effectiveLoss]})`, ...LOSS_LABELS };
  const toggleMetric = (m: MetricId, on: boolean) =>
    set({ metrics: on ? [...settings.metrics, m] : settings.metrics.filter((x) => x !== m) });
  return (
    <div className="training-settings">
      <Select<BackendChoice>
        label="Backend"
        value={choice}
        options={BACKEND_CHOICES}
        labels={BACKEND_CHOICE_LABELS}
        onChange={setBackendChoice}
        disabled={busy}
      />
      <Select<OptimizerId>
        label="Optimizer"
        value={settings.optimizer}
        options={OPTIMIZERS}
        labels={OPTIMIZER_LABELS}
        onChange={(optimizer) => set({ optimizer })}
        disabled={busy}
      />
      <NumberField
        label="Learning rate"
        value={settings.learningRate}
        min={0}
        max={10}
        onCommit={(v) => v !== null && set({ learningRate: v })}
        hint="Takes effect at the next batch, even while training"
      />
      <Select<LossId | 'auto'>
        label="Loss"
        value={settings.loss}
        options={['auto', ...LOSSES]}
        labels={lossLabels}
        onChange={(loss) => set({ loss })}
        wide
        disabled={busy}
      />
      <NumberField
        label="Batch size"
        value={settings.batchSize}
        min={1}
        max={4096}
        step={1}
        onCommit={(v) => v !== null && set({ batchSize: v })}
        disabled={busy}
      />
      <NumberField
        label="Epochs"
        value={settings.epochs}
        min={1}
        max={10000}
        step={1}
        onCommit={(v) => v !== null && set({ epochs: v })}
        disabled={busy}
      />
      <NumberField
        label="Validation split"
        value={split}
        min={0}
        max={0.9}
        step={0.05}
        onCommit={(v) => v !== null && v >= 0 && v <= 0.9 && (setValidationSplit(v), true)}
        disabled={busy}
        hint="Share of the samples held out to measure validation loss"
      />
      <NumberField
        label="Seed"
        value={settings.seed}
        min={0}
        max={MAX_SEED}
        step={1}
        onCommit={(v) => v !== null && set({ seed: v })}
        disabled={busy}
        hint="The same seed gives the same initial weights, shuffles and dropout masks"
      />
      <NumberField
        label="Clip gradient norm"
        value={settings.clipNorm}
        min={0}
        allowEmpty
        onCommit={(v) => set({ clipNorm: v })}
        disabled={busy}
        hint="Empty: no clipping"
      />
      <fieldset className="field metrics" disabled={busy}>
        <legend>Metrics</legend>
        {METRICS.map((m) => (
          <label key={m}>
            <input
              type="checkbox"
              checked={settings.metrics.includes(m)}
              onChange={(e) => toggleMetric(m, e.target.checked)}
            />
            {m === 'mae' ? 'MAE' : 'Accuracy'}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
