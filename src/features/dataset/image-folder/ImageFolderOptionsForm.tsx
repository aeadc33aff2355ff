import { CheckboxField } from '../../../components/CheckboxField';
import { NumberField } from '../../../components/NumberField';
import { SelectField } from '../../../components/SelectField';
import { numberRule } from '../../../core/number-rule';
import {
  COLOR_MODES,
  seedSchema,
  sideSchema,
  validationSplitSchema,
  type ImageFolderOptions,
  type Subset,
} from '../../../data/image-folder/index';

const SIDE = numberRule(sideSchema);
const SPLIT = numberRule(validationSplitSchema);
const SEED = numberRule(seedSchema, 'a random seed');

const SUBSET_LABELS: Record<Subset, string> = {
  both: 'both',
  training: 'training',
  validation: 'validation',
};

interface Props {
  options: ImageFolderOptions;
  onChange(options: ImageFolderOptions): void;
  disabled: boolean;
}

/** Keras' argument names, each with its label, so a Keras user reads the form as the call. */
export function ImageFolderOptionsForm({ options, onChange, disabled }: Props) {
  const set = (patch: Partial<ImageFolderOptions>) => {
    onChange({ ...options, ...patch });
    return true;
  };
  const [h, w] = options.image_size;
  return (
    <fieldset className="image-folder-options" disabled={disabled}>
      <legend>image_dataset_from_directory options</legend>
      <div className="data-grid">
        <NumberField
          className="data-field"
          label="image_size height"
          value={h}
          rule={SIDE}
          onCommit={(v) => set({ image_size: [v, w] })}
          hint="Keras' default is 256; 28 (MNIST's size) keeps 20 000 images in memory"
        />
        <NumberField
          className="data-field"
          label="image_size width"
          value={w}
          rule={SIDE}
          onCommit={(v) => set({ image_size: [h, v] })}
        />
        <SelectField
          className="data-field"
          label="color_mode"
          value={options.color_mode}
          options={COLOR_MODES.map((m) => ({ value: m, label: m }))}
          onChange={(color_mode) => set({ color_mode })}
        />
        <NumberField
          className="data-field"
          label="validation_split"
          value={options.validation_split}
          rule={SPLIT}
          step={0.05}
          onCommit={(validation_split) => set({ validation_split })}
          hint="The last share after shuffling; 0 for none"
        />
        <SelectField
          className="data-field"
          label="subset"
          value={options.subset}
          options={(Object.keys(SUBSET_LABELS) as Subset[]).map((s) => ({
            value: s,
            label: SUBSET_LABELS[s],
          }))}
          onChange={(subset) => set({ subset })}
          disabled={disabled || options.validation_split === 0}
        />
        <NumberField
          className="data-field"
          label="seed"
          value={options.seed}
          rule={SEED}
          onCommit={(seed) => set({ seed })}
          hint="Empty: drawn at random, then shown"
        />
      </div>
      <CheckboxField
        className="image-folder-check"
        label="shuffle"
        checked={options.shuffle}
        onChange={(shuffle) => set({ shuffle })}
      />
      <p className="data-help">labels: 'inferred' (one sub-folder per class, sorted by name).</p>
    </fieldset>
  );
}
