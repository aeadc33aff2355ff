import type { StateCreator } from 'zustand';
import {
  BUILTIN_INFO,
  defaultBuiltinConfig,
  defaultDatasetConfig,
  loadTable,
  prepareDataset,
  SHIPPED,
  type BuiltinId,
  type DatasetConfig,
  type PreparedData,
  type Result,
  type ShippedId,
} from '../data/index';
import type { DataContent } from '../data/content';
import { loadData, type LoadedData } from '../data/load';
import { tableKeyOf } from '../data/preparer';
import { createCsvActions, type CsvActions } from './dataset-csv';
import { createDataFixes, type DataFixes } from './dataset-fixes';
import { createImageFolderActions, type ImageFolderActions } from './dataset-images';
import { createLoader, sourceIdOf } from './dataset-loader';
import { createPagePort, type DataPort } from './dataset-port';
import type { AppMutators, AppState } from './store';

export type { CsvFileLike } from './dataset-csv';

/**
 * The data: its configuration (shareable), the text of a shipped or user file (never shared),
 * the loaded table for previews, and the prepared arrays training uses.
 *
 * Loading and preparing run through a DataPort: a Web Worker once the data panel has attached
 * one, so parsing a 20 MB CSV never freezes the page (dataset-loader.ts says how answers are
 * applied). The one synchronous preparation is the default data at start-up, so training has
 * data from the first frame.
 */
export interface LoadedSource extends LoadedData {
  /** tableKeyOf(text version, config): equal keys, equal tables. */
  key: string;
  /** 'builtin:circle', 'shipped:iris', 'csv:3' (the third text read): which data this is. */
  sourceId: string;
}

export type DataChoice =
  { source: 'builtin'; id: BuiltinId } | { source: 'shipped'; id: ShippedId };

export interface DatasetSlice extends DataFixes, CsvActions, ImageFolderActions {
  datasetConfig: DatasetConfig;
  /** The CSV's text, or a binary source's bytes (MNIST, imported images); never in the URL. */
  csvText: DataContent | null;
  /** The data ready for training, or why it cannot be prepared. */
  prepared: Result<PreparedData>;
  /** The table behind `prepared`, for previews and charts; null when this source has none yet. */
  dataLoaded: LoadedSource | null;
  /** What is loading or being prepared now ("Reading 'sales.csv'…"); null when idle. */
  dataBusy: string | null;
  /** Why the last new data set or file did not load; the data before it is still in use. */
  dataError: string | null;
  dataPort: DataPort;
  attachDataPort(port: DataPort | null): void;
  /**
   * Any configuration (a link, a setting): shipped files are fetched, a CSV needs its file.
   * The config shows at once; `prepared` follows when the worker answers (await the promise).
   */
  setDatasetConfig(config: DatasetConfig): Promise<void>;
  setCsvText(text: string | null): void;
  /** Share of samples held out for validation (the data's split, so there is one source). */
  setValidationSplit(split: number): void;
  /** Another data set; the current one stays until it has loaded. */
  chooseDataset(choice: DataChoice): Promise<void>;
  dismissDataError(): void;
}

export function prepare(config: DatasetConfig, csvText: DataContent | null): Result<PreparedData> {
  const table = loadTable(config, csvText);
  return table.ok ? prepareDataset(table.value, config) : table;
}

function initialLoaded(): LoadedSource | null {
  const loaded = loadData(defaultDatasetConfig, null);
  if (!loaded.ok) return null;
  const key = tableKeyOf(0, defaultDatasetConfig);
  return { ...loaded.value, key, sourceId: sourceIdOf(defaultDatasetConfig, 0) };
}

const withSplit = <C extends DatasetConfig>(config: C, split: number): C => ({
  ...config,
  prepare: { ...config.prepare, validationSplit: split },
});

export const createDatasetSlice: StateCreator<AppState, AppMutators, [], DatasetSlice> = (
  set,
  get,
  api,
) => {
  const loader = createLoader(set, get);
  const { run, runShipped } = loader;
  const split = () => get().datasetConfig.prepare.validationSplit;

  return {
    ...createDataFixes(set, get, api),
    ...createCsvActions(set, get, loader),
    ...createImageFolderActions(set, get, loader),
    datasetConfig: defaultDatasetConfig,
    csvText: null,
    prepared: prepare(defaultDatasetConfig, null),
    dataLoaded: initialLoaded(),
    dataBusy: null,
    dataError: null,
    dataPort: createPagePort(),
    attachDataPort: (port) => set({ dataPort: port ?? createPagePort() }),
    setDatasetConfig: (config) => {
      const { datasetConfig: cur, csvText, dataLoaded } = get();
      // The same settings again (a field re-committing what it shows) must not re-prepare:
      // new arrays would stop a training run for nothing.
      const version = config.source === 'builtin' ? 0 : loader.state.textVersion;
      const same = JSON.stringify(config) === JSON.stringify(cur);
      if (same && dataLoaded?.key === tableKeyOf(version, config)) return Promise.resolve();
      const sameText =
        csvText !== null &&
        ((config.source === 'csv' && cur.source === 'csv') ||
          (config.source === 'image-folder' && cur.source === 'image-folder') ||
          (config.source === 'shipped' && cur.source === 'shipped' && cur.id === config.id));
      if (config.source === 'builtin') return run(config, null, 0, 'commit');
      if (sameText) return run(config, csvText, loader.state.textVersion, 'commit');
      if (config.source === 'csv' || config.source === 'image-folder') {
        return run(config, null, 0, 'commit');
      }
      set({ datasetConfig: config });
      return runShipped(config, 'commit');
    },
    setCsvText: (text) => void run(get().datasetConfig, text, loader.newTextVersion(), 'commit'),
    setValidationSplit: (value) =>
      void get().setDatasetConfig(
        withSplit(get().datasetConfig, Math.min(0.9, Math.max(0, value))),
      ),
    chooseDataset: async (choice) => {
      set({ dataError: null, dataRetry: null });
      if (choice.source === 'shipped') {
        return runShipped(withSplit(SHIPPED[choice.id].config, split()), 'switch');
      }
      set({ dataBusy: `Generating '${BUILTIN_INFO[choice.id].title}'…` });
      return run(withSplit(defaultBuiltinConfig(choice.id), split()), null, 0, 'switch');
    },
    dismissDataError: () => set({ dataError: null, dataRetry: null }),
  };
};
