import { useState } from 'react';
import { SelectField } from '../../components/SelectField';
import { useAppStore } from '../../store/store';
import { selectDataError, selectDatasetConfig } from '../../store/selectors';
import { choiceOf, CHOICE_GROUPS, CSV_CHOICE, parseChoice } from './choices';

interface Props {
  /** The user asked for a CSV and none is loaded yet: the picker says so meanwhile. */
  csvChosen: boolean;
  onCsvChosen(chosen: boolean): void;
}

/**
 * One accessible select for every source. A new choice only replaces the data once it has
 * loaded; until then the select shows the choice being loaded, and a failure shows the old.
 */
export function SourcePicker({ csvChosen, onCsvChosen }: Props) {
  const config = useAppStore(selectDatasetConfig);
  const error = useAppStore(selectDataError);
  const [pending, setPending] = useState<{ value: string; from: typeof config } | null>(null);
  const current = csvChosen ? CSV_CHOICE : choiceOf(config);
  const value = pending && pending.from === config && !error ? pending.value : current;

  const choose = (next: string) => {
    const choice = parseChoice(next);
    if (!choice) {
      const reopened = config.source !== 'csv' && useAppStore.getState().reopenLastCsv();
      if (reopened) setPending({ value: next, from: config });
      onCsvChosen(!reopened);
      return;
    }
    onCsvChosen(false);
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
