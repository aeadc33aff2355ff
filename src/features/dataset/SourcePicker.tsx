import { useState } from 'react';
import { SelectField } from '../../components/SelectField';
import { useAppStore } from '../../store/store';
import { selectDataError, selectDatasetConfig } from '../../store/selectors';
import {
  choiceOf,
  CHOICE_GROUPS,
  CSV_CHOICE,
  IMAGE_FOLDER_CHOICE,
  parseChoice,
  type FileChoice,
} from './choices';

interface Props {
  /** The user asked for their own files and none are loaded yet: the picker says so meanwhile. */
  fileChosen: FileChoice | null;
  onFileChosen(chosen: FileChoice | null): void;
}

/**
 * One accessible select for every source. A new choice only replaces the data once it has
 * loaded; until then the select shows the choice being loaded, and a failure shows the old.
 */
export function SourcePicker({ fileChosen, onFileChosen }: Props) {
  const config = useAppStore(selectDatasetConfig);
  const error = useAppStore(selectDataError);
  const [pending, setPending] = useState<{ value: string; from: typeof config } | null>(null);
  const current = fileChosen ?? choiceOf(config);
  const value = pending && pending.from === config && !error ? pending.value : current;

  const choose = (next: string) => {
    const choice = parseChoice(next);
    if (next === IMAGE_FOLDER_CHOICE) {
      onFileChosen(config.source === 'image-folder' ? null : IMAGE_FOLDER_CHOICE);
      return;
    }
    if (!choice) {
      const reopened = config.source !== 'csv' && useAppStore.getState().reopenLastCsv();
      if (reopened) setPending({ value: next, from: config });
      onFileChosen(reopened ? null : CSV_CHOICE);
      return;
    }
    onFileChosen(null);
    setPending({ value: next, from: config });
    void useAppStore.getState().chooseDataset(choice);
  };

  return (
    <SelectField
      className="data-field data-source"
      label="Dataset"
      value={value}
      options={CHOICE_GROUPS}
      onChange={choose}
    />
  );
}
