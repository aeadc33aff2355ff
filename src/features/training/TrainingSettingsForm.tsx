import { CheckboxField } from '../../components/CheckboxField';
import { NumberField } from '../../components/NumberField';
import { SelectField } from '../../components/SelectField';
import { numberRule } from '../../core/number-rule';
import { prepareSchema } from '../../data/config';
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
} from '../../core/training/backend-names';
import {
  LOSS_LABELS,
  LOSSES,
  METRICS,
  OPTIMIZER_LABELS,
  OPTIMIZERS,
  type LossId,
  type MetricId,
  type OptimizerId,
  trainingSettingsSchema,
} from '../../core/training/settings';

const field = trainingSettingsSchema.shape;
const RULES = {
  learningRate: numberRule(field.learningRate),
  batchSize: numberRule(field.batchSize),
  epochs: numberRule(field.epochs),
  seed: numberRule(field.seed),
  clipNorm: numberRule(field.clipNorm, 'no clipping'),
  validationSplit: numberRule(prepareSchema.shape.validationSplit),
};

/** The choices of a select, in order, each shown by its label. */
function choices<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => ({ value, label: labels[value] }));
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
      <SelectField<BackendChoice>
        label="Backend"
        value={choice}
        options={choices(BACKEND_CHOICES, BACKEND_CHOICE_LABELS)}
        onChange={setBackendChoice}
        disabled={busy}
      />
      <SelectField<OptimizerId>
        label="Optimizer"
        value={settings.optimizer}
        options={choices(OPTIMIZERS, OPTIMIZER_LABELS)}
        onChange={(optimizer) => set({ optimizer })}
        disabled={busy}
      />
      <NumberField
        label="Learning rate"
        value={settings.learningRate}
        rule={RULES.learningRate}
        onCommit={(learningRate) => set({ learningRate })}
        tooltip="Takes effect at the next batch, even while training"
      />
      <SelectField<LossId | 'auto'>
        className="field wide"
        label="Loss"
        value={settings.loss}
        options={choices(['auto', ...LOSSES], lossLabels)}
        onChange={(loss) => set({ loss })}
        disabled={busy}
      />
      <NumberField
        label="Batch size"
        value={settings.batchSize}
        rule={RULES.batchSize}
        onCommit={(batchSize) => set({ batchSize })}
        disabled={busy}
      />
      <NumberField
        label="Epochs"
        value={settings.epochs}
        rule={RULES.epochs}
        onCommit={(epochs) => set({ epochs })}
        disabled={busy}
      />
      <NumberField
        label="Validation split"
        value={split}
        rule={RULES.validationSplit}
        step={0.05}
        onCommit={(v) => {
          setValidationSplit(v);
          return true;
        }}
        disabled={busy}
        tooltip="Share of the samples held out to measure validation loss"
      />
      <NumberField
        label="Seed"
        value={settings.seed}
        rule={RULES.seed}
        onCommit={(seed) => set({ seed })}
        disabled={busy}
        tooltip="The same seed gives the same initial weights, shuffles and dropout masks"
      />
      <NumberField
        label="Clip gradient norm"
        value={settings.clipNorm}
        rule={RULES.clipNorm}
        onCommit={(clipNorm) => set({ clipNorm })}
        disabled={busy}
        tooltip="Empty: no clipping"
      />
      <CheckboxField
        className="field wide"
        label="Fused recurrent kernels"
        checked={settings.fusedRecurrent}
        onChange={(fusedRecurrent) => set({ fusedRecurrent })}
        disabled={busy}
      />
      <fieldset className="field metrics" disabled={busy}>
        <legend>Metrics</legend>
        {METRICS.map((m) => (
          <CheckboxField
            key={m}
            label={m === 'mae' ? 'MAE' : 'Accuracy'}
            checked={settings.metrics.includes(m)}
            onChange={(on) => toggleMetric(m, on)}
          />
        ))}
      </fieldset>
    </div>
  );
}
