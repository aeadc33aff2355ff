import {
  BUILTIN_IDS,
  BUILTIN_INFO,
  SHIPPED,
  SHIPPED_IDS,
  type BuiltinKind,
  type DatasetConfig,
  type ShippedId,
} from '../../data/index';
import type { DataChoice } from '../../store/dataset-slice';
import type { ChoiceGroup } from '../../components/Select';

/** The dataset picker's options, grouped the way people look for data. */
const KIND_GROUPS: Record<BuiltinKind, string> = {
  classification: 'Classification (2-D points)',
  regression: 'Regression (2-D points)',
  forecasting: 'Time series (forecasting)',
  'sequence-classification': 'Sequence classification',
  'image-classification': 'Images',
};

export const CSV_CHOICE = 'csv';
export const IMAGE_FOLDER_CHOICE = 'image-folder';
/** The choices that need the user's files before they can replace the data. */
export type FileChoice = typeof CSV_CHOICE | typeof IMAGE_FOLDER_CHOICE;

const shippedOption = (id: ShippedId) => ({ value: `shipped:${id}`, label: SHIPPED[id].title });

export const CHOICE_GROUPS: ChoiceGroup<string>[] = [
  ...(Object.keys(KIND_GROUPS) as BuiltinKind[]).map((kind) => ({
    group: KIND_GROUPS[kind],
    options: BUILTIN_IDS.filter((id) => BUILTIN_INFO[id].kind === kind).map((id) => ({
      value: `builtin:${id}`,
      label: BUILTIN_INFO[id].title,
    })),
  })),
  {
    group: 'Real data (shipped with the app)',
    options: SHIPPED_IDS.filter((id) => SHIPPED[id].format === 'csv').map(shippedOption),
  },
  {
    group: 'Real images (shipped with the app)',
    options: SHIPPED_IDS.filter((id) => SHIPPED[id].format !== 'csv').map(shippedOption),
  },
  {
    group: 'Your data',
    options: [
      { value: CSV_CHOICE, label: 'Your own CSV file…' },
      { value: IMAGE_FOLDER_CHOICE, label: 'Image folder…' },
    ],
  },
];

export function choiceOf(config: DatasetConfig): string {
  if (config.source === 'csv') return CSV_CHOICE;
  if (config.source === 'image-folder') return IMAGE_FOLDER_CHOICE;
  return `${config.source}:${config.id}`;
}

/** null for the choices that need files first (a CSV, an image folder). */
export function parseChoice(value: string): DataChoice | null {
  const [source, id] = value.split(':');
  const builtin = BUILTIN_IDS.find((b) => b === id);
  if (source === 'builtin' && builtin) return { source, id: builtin };
  const shipped = SHIPPED_IDS.find((s) => s === id);
  if (source === 'shipped' && shipped) return { source, id: shipped };
  return null;
}
