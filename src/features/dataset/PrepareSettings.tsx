import { useId } from 'react';
import { NumberField } from '../../components/NumberField';
import { numberRule, rangeText } from '../../core/number-rule';
import { prepareSchema, type PrepareConfig } from '../../data/index';
import { useAppStore } from '../../store/store';
import { selectDatasetConfig, selectPrepared } from '../../store/selectors';
import { commitConfig, withPrepare } from './edit-config';
import { SelectField } from '../../components/SelectField';

const TASK_LABELS = {
  regression: 'Regression',
  binary: 'Binary',
  multiclass: 'Multiclass',
} as const;

const SPLIT = numberRule(prepareSchema.shape.validationSplit);

/** Task, label encoding, scaling and the split: how the table becomes training samples. */
export function PrepareSettings() {
  const headingId = useId();
  const config = useAppStore(selectDatasetConfig);
  const prepared = useAppStore(selectPrepared);
  const p = config.prepare;
  const set = (patch: Partial<PrepareConfig>) => commitConfig(withPrepare(config, patch));
  const detected = prepared.ok ? TASK_LABELS[prepared.value.task] : null;
  const splitNow = prepared.ok ? prepared.value.splitMode : null;
  return (
    <section className="data-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Task and split</h3>
      <div className="data-grid">
        <SelectField
          className="data-field"
          label="Task"
          value={p.task}
          options={[
            { value: 'auto', label: detected ? `Detect: ${detected}` : 'Detect' },
            { value: 'regression', label: TASK_LABELS.regression },
            { value: 'binary', label: TASK_LABELS.binary },
            { value: 'multiclass', label: TASK_LABELS.multiclass },
          ]}
          onChange={(task) => set({ task })}
        />
        <SelectField
          className="data-field"
          label="Label encoding"
          value={p.labelEncoding}
          options={[
            { value: 'one-hot', label: 'One-hot' },
            { value: 'sparse', label: 'Sparse (class index)' },
          ]}
          onChange={(labelEncoding) => set({ labelEncoding })}
          tooltip="For more than two classes: one-hot goes with categorical cross-entropy, sparse with sparse categorical cross-entropy"
        />
        <SelectField
          className="data-field"
          label="Normalisation"
          value={p.normalisation}
          options={[
            { value: 'none', label: 'None' },
            { value: 'zscore', label: 'Z-score' },
            { value: 'minmax', label: 'Min-max' },
          ]}
          onChange={(normalisation) => set({ normalisation })}
          tooltip="Z-score: mean 0 and standard deviation 1; min-max: 0 to 1. Fitted on the training samples only"
        />
        <NumberField
          className="data-field"
          label="Validation share"
          value={p.validationSplit}
          rule={SPLIT}
          step={0.05}
          hint={`Share of the samples, ${rangeText(SPLIT)}`}
          onCommit={(validationSplit) => set({ validationSplit })}
        />
        <SelectField
          className="data-field"
          label="Split"
          value={p.splitMode}
          options={[
            { value: 'auto', label: splitNow ? `Auto (${splitNow})` : 'Auto' },
            { value: 'random', label: 'Random' },
            { value: 'chronological', label: 'Chronological' },
          ]}
          onChange={(splitMode) => set({ splitMode })}
          tooltip="Random shuffles the samples; chronological keeps the last part for validation, as later data would come"
        />
      </div>
    </section>
  );
}
