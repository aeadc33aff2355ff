import type { DatasetConfig, PreparedData, Result, Table } from '../../data/index';
import { commitConfig, withWindowing } from './edit-config';
import { CheckboxField } from '../../components/CheckboxField';
import { SelectField } from '../../components/SelectField';

interface Props {
  config: DatasetConfig;
  table: Table;
  prepared: Result<PreparedData>;
}

/**
 * The target column and the feature columns of the windows. Empty choices mean "from the
 * roles" (the label, else the first feature); the first explicit tick takes over from them.
 */
export function WindowColumns({ config, table, prepared }: Props) {
  const w = config.prepare.windowing;
  const set = (patch: Partial<typeof w>) => commitConfig(withWindowing(config, patch));
  const auto = prepared.ok ? prepared.value.targetName : '';
  const inUse =
    w.featureColumns.length > 0 ? w.featureColumns : prepared.ok ? prepared.value.featureNames : [];
  const numeric = table.columns.filter((c) => c.kind === 'numeric').map((c) => c.name);
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...inUse, name] : inUse.filter((n) => n !== name);
    // Keep the table's column order, whatever order they were ticked in.
    set({ featureColumns: numeric.filter((n) => next.includes(n)) });
  };
  return (
    <div className="data-grid">
      <SelectField
        className="data-field"
        label="Target column"
        value={w.targetColumn}
        options={[
          { value: '', label: auto ? `From the roles (${auto})` : 'From the roles' },
          ...table.columns.map((c) => ({ value: c.name, label: c.name })),
        ]}
        onChange={(targetColumn) => set({ targetColumn })}
      />
      <fieldset className="data-field data-features">
        <legend>Feature columns</legend>
        {numeric.map((name) => (
          <CheckboxField
            className="data-check"
            key={name}
            label={name}
            checked={inUse.includes(name)}
            disabled={inUse.length === 1 && inUse[0] === name}
            onChange={(on) => toggle(name, on)}
          />
        ))}
      </fieldset>
    </div>
  );
}
