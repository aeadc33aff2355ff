import {
  checkCsvSize,
  datasetConfigSchema,
  type CsvConfig,
  type DatasetConfig,
} from '../data/index';
import type { Loader } from './dataset-loader';
import type { AppState } from './store';

/** What openCsvFile needs of a File (a test can pass a plain object). */
export interface CsvFileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

export type CsvOptions = Pick<CsvConfig, 'header' | 'missing'>;

export interface CsvActions {
  /** How the next file is read; mirrors the loaded CSV's settings. */
  csvOptions: CsvOptions;
  /** The name of a CSV that did not load and can be read again with other options. */
  dataRetry: string | null;
  openCsvFile(file: CsvFileLike): Promise<void>;
  /** Goes back to the last CSV read in this tab, if any; false when there is none. */
  reopenLastCsv(): boolean;
  /**
   * Header and missing-value handling: applied to the file that just failed, if there is one
   * (the error said what to change), else to the loaded CSV.
   */
  setCsvOptions(patch: Partial<CsvOptions>): void;
}

type Set = (partial: Partial<AppState>) => void;
type Get = () => AppState;

const split = (get: Get) => get().datasetConfig.prepare.validationSplit;

function freshCsv(fileName: string, options: CsvOptions, validationSplit: number): CsvConfig {
  const parsed = datasetConfigSchema.parse({
    source: 'csv',
    fileName,
    ...options,
    prepare: { validationSplit },
  });
  if (parsed.source !== 'csv') throw new Error('unreachable: a CSV config');
  return parsed;
}

export function createCsvActions(set: Set, get: Get, loader: Loader): CsvActions {
  return {
    csvOptions: { header: 'auto', missing: 'refuse' },
    dataRetry: null,
    openCsvFile: async (file) => {
      const size = checkCsvSize(file.size, `'${file.name}'`);
      if (!size.ok) return set({ dataError: size.reason, dataRetry: null });
      set({ dataBusy: `Reading '${file.name}'…`, dataError: null, dataRetry: null });
      let text: string;
      try {
        text = await file.text();
      } catch {
        return set({ dataBusy: null, dataError: `'${file.name}' could not be read; try again.` });
      }
      const fileName = file.name.slice(0, 255);
      const cur = get().datasetConfig;
      // Reopening the file a link named keeps the link's settings; another file starts afresh.
      const config: DatasetConfig =
        cur.source === 'csv' && get().csvText === null
          ? { ...cur, fileName }
          : freshCsv(fileName, get().csvOptions, split(get));
      return loader.run(config, text, loader.newTextVersion(), 'switch');
    },
    reopenLastCsv: () => {
      const last = loader.state.lastCsv;
      if (!last) return false;
      set({ dataError: null, dataRetry: null, dataBusy: 'Reading your CSV again…' });
      void loader.run(last.config, last.text, last.version, 'switch');
      return true;
    },
    setCsvOptions: (patch) => {
      const options = { ...get().csvOptions, ...patch };
      set({ csvOptions: options });
      const failed = loader.state.failedCsv;
      const cur = get().datasetConfig;
      if (failed && get().dataRetry !== null && failed.config.source === 'csv') {
        set({ dataBusy: `Reading '${failed.config.fileName}' again…` });
        const config = { ...failed.config, ...options };
        void loader.run(config, failed.text, failed.version, 'switch');
      } else if (cur.source === 'csv' && get().csvText !== null) {
        void loader.run({ ...cur, ...options }, get().csvText, loader.state.textVersion, 'commit');
      }
    },
  };
}
