import { MISSING_POLICIES, type CsvConfig, type MissingPolicy } from '../../data/index';
import { formatCount } from '../../data/result';
import { useAppStore } from '../../store/store';
import {
  selectCsvOptions,
  selectDataLoaded,
  selectHasCsvText,
  selectPrepared,
} from '../../store/selectors';
import { CsvDropZone } from './CsvDropZone';
import { CsvTable } from './CsvTable';
import { SelectField } from '../../components/SelectField';

const MISSING_LABELS: Record<MissingPolicy, string> = {
  refuse: 'Refuse the file',
  drop: 'Drop those rows',
  'carry-forward': 'Carry the previous value forward',
};

/**
 * Your own CSV: the drop zone, how to read the file (header, missing values), its columns with
 * their roles, and what the import noticed. `config` is null while the current data is another
 * source and the user has asked for a CSV: that data stays until a file loads.
 */
export function CsvImport({ config }: { config: CsvConfig | null }) {
  const loaded = useAppStore(selectDataLoaded);
  const hasText = useAppStore(selectHasCsvText);
  const prepared = useAppStore(selectPrepared);
  const options = useAppStore(selectCsvOptions);
  const { setCsvOptions } = useAppStore.getState();
  const csv = config && loaded?.sourceId.startsWith('csv:') ? loaded : null;
  // Opened from a link: the settings are here but the file is not (loadTable says which).
  const reopen = config && !hasText && !prepared.ok ? prepared.reason : undefined;
  const found = csv?.hasHeader;
  return (
    <div className="data-source-settings">
      <CsvDropZone prompt={reopen} />
      {!config && (
        <p className="data-help">The current data stays in use until a file has loaded.</p>
      )}
      <div className="data-grid">
        <SelectField
          className="data-field"
          label="Header row"
          value={options.header}
          options={[
            {
              value: 'auto',
              label: found === undefined ? 'Detect' : `Detect (${found ? 'found' : 'none'})`,
            },
            { value: 'yes', label: 'First row is the header' },
            { value: 'no', label: 'No header: all rows are data' },
          ]}
          onChange={(header) => setCsvOptions({ header })}
        />
        <SelectField
          className="data-field"
          label="Missing values"
          value={options.missing}
          options={MISSING_POLICIES.map((m) => ({ value: m, label: MISSING_LABELS[m] }))}
          onChange={(missing) => setCsvOptions({ missing })}
        />
      </div>
      {config && csv && (
        <>
          <p className="data-help">
            <strong>{config.fileName}</strong>: {formatCount(csv.table.rowCount)} rows ×{' '}
            {csv.table.columns.length} columns
            {csv.hasHeader === false ? ' (no header row, so the columns are numbered)' : ''}.
          </p>
          <CsvTable config={config} loaded={csv} />
          {csv.warnings.length > 0 && (
            <ul className="data-notes" aria-label="Notes on the file">
              {csv.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
