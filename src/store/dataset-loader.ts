import type { DataContent } from '../data/content';
import { SHIPPED, type DatasetConfig, type ShippedConfig } from '../data/index';
import type { AppState } from './store';

/**
 * Sends the data's configuration to the DataPort and applies the newest answer. Two modes:
 * 'switch' (a new source: another data set, a new file) replaces nothing until the new data
 * has loaded, so a bad file loses nothing; 'commit' (a setting of the current data) shows the
 * setting at once and lets `prepared` carry the reason when it cannot be used.
 */
export type Mode = 'commit' | 'switch';

type Set = (partial: Partial<AppState>) => void;
type Get = () => AppState;

export interface CsvText {
  config: DatasetConfig;
  text: string;
  version: number;
}

export const sourceIdOf = (c: DatasetConfig, textVersion: number): string =>
  c.source === 'csv' || c.source === 'image-folder'
    ? `${c.source}:${textVersion}`
    : `${c.source}:${c.id}`;

export function createLoader(set: Set, get: Get) {
  let requestId = 0;
  let textCount = 0;
  const state = {
    /** The version of state.csvText; 0 while there is none. */
    textVersion: 0,
    /** The last CSV that loaded, to go back to after trying other data. */
    lastCsv: null as CsvText | null,
    /** The last CSV that did not load, to read again with other options. */
    failedCsv: null as CsvText | null,
  };

  const run = async (
    config: DatasetConfig,
    text: DataContent | null,
    version: number,
    mode: Mode,
  ) => {
    const id = ++requestId;
    if (mode === 'commit') set({ datasetConfig: config });
    // Generated data prepares in a blink; a file can take seconds, so say so.
    if (mode === 'commit' && text !== null) set({ dataBusy: 'Preparing the data…' });
    const have = get().dataLoaded;
    const job = { id, config, text, textVersion: version, haveKey: have?.key ?? null };
    const reply = await get().dataPort.prepare(job);
    if (reply === null || id !== requestId) return;
    const sourceId = sourceIdOf(config, version);
    const failLoad = (reason: string) => {
      if (mode === 'switch') {
        const csv = config.source === 'csv' && typeof text === 'string';
        state.failedCsv = csv ? { config, text, version } : null;
        return set({
          dataBusy: null,
          dataError: reason,
          dataRetry: csv ? config.fileName : null,
        });
      }
      state.textVersion = version;
      const kept = get().dataLoaded?.sourceId === sourceId ? get().dataLoaded : null;
      set({ csvText: text, prepared: { ok: false, reason }, dataLoaded: kept, dataBusy: null });
    };
    if (!reply.ok) return failLoad(reply.reason);
    const { loaded, prepared } = reply.value;
    if (loaded !== 'same' && !loaded.ok) return failLoad(loaded.reason);
    const data = loaded === 'same' ? have : { ...loaded.value, sourceId };
    state.textVersion = version;
    if (config.source === 'csv' && typeof text === 'string') {
      state.lastCsv = { config, text, version };
      state.failedCsv = null;
      set({ csvOptions: { header: config.header, missing: config.missing } });
    }
    set({
      datasetConfig: config,
      csvText: text,
      dataLoaded: data,
      prepared: prepared ?? { ok: false, reason: 'The data could not be prepared; try again.' },
      dataBusy: null,
      dataError: null,
      dataRetry: null,
    });
  };

  /** Fetches a shipped file, then runs; a newer request meanwhile wins. */
  const runShipped = async (config: ShippedConfig, mode: Mode) => {
    const id = ++requestId;
    set({ dataBusy: `Loading '${SHIPPED[config.id].title}'…` });
    const text = await get().dataPort.fetchShipped(config.id);
    if (id !== requestId) return;
    if (text.ok) return run(config, text.value, ++textCount, mode);
    if (mode === 'switch') set({ dataBusy: null, dataError: text.reason });
    else set({ datasetConfig: config, prepared: text, dataLoaded: null, dataBusy: null });
  };

  return { run, runShipped, state, newTextVersion: () => ++textCount };
}

export type Loader = ReturnType<typeof createLoader>;
