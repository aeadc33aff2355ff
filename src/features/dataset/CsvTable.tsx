import { Select } from '../../components/Select';
import { cellText, COLUMN_ROLES, type ColumnRole, type CsvConfig } from '../../data/index';
import type { LoadedSource } from '../../store/dataset-slice';
import { commitConfig } from './edit-config';
import { roleIn, withRole } from './roles';

const PREVIEW_ROWS = 8;

const ROLE_LABELS: Record<ColumnRole, string> = {
  feature: 'Feature',
  label: 'Label',
  time: 'Time',
  ignore: 'Ignore',
};
const ROLE_CHOICES = COLUMN_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/**
 * The parsed file's first rows, with the role of each column chosen right above its values.
 * Roles show what the user set, else what was inferred; changing one re-reads the file.
 */
export function CsvTable({ config, loaded }: { config: CsvConfig; loaded: LoadedSource }) {
  const { table } = loaded;
  const rows = Math.min(PREVIEW_ROWS, table.rowCount);
  const setRole = (name: string, role: ColumnRole) =>
    commitConfig({ ...config, roles: withRole(config.roles, table, name, role) });
  return (
    <div className="csv-table-wrap" tabIndex={0} role="group" aria-label="Columns and first rows">
      <table className="csv-table" aria-label={`First rows of ${config.fileName}`}>
        <thead>
          <tr>
            {table.columns.map((c) => {
              const role = roleIn(config.roles, table, c.name);
              return (
                <th key={c.name} scope="col" data-role={role}>
                  <span className="csv-col-name">{c.name}</span>
                  <Select
                    aria-label={`Role of ${c.name}`}
                    value={role}
                    options={ROLE_CHOICES}
                    onChange={(r) => setRole(c.name, r)}
                  />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              {table.columns.map((c) => (
                <td key={c.name}>{cellText(c, i)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
