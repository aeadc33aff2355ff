import { datasetConfigSchema, type DatasetConfig } from './config';
import type { DataContent } from './content';
import { loadData, loadKeyOf, type LoadedData } from './load';
import { prepareDataset, type PreparedData } from './prepare';
import { fail, type Result } from './result';

/**
 * Turns a dataset configuration (plus the text of a file) into a table and prepared arrays.
 * The same object runs inside the data worker and, when no worker can start, on the page, so
 * both paths behave alike. It keeps the last table, so changing only how the data is prepared
 * (window, split, task) does not parse the file again.
 */
export interface PrepareRequest {
  id: number;
  config: DatasetConfig;
  /** Which text the configuration reads: 0 for none, a new number for every new file. */
  textVersion: number;
  /**
   * The CSV's text or a binary source's bytes; sent only when it changed since the last request
   * (the preparer holds it). Bytes are transferred to the worker, not copied as text.
   */
  text?: DataContent | null;
  /** The load key of the table the page already holds: an equal table is not sent again. */
  haveKey: string | null;
}

export interface PrepareReply {
  id: number;
  /** 'same': the page's table (haveKey) still holds. */
  loaded: Result<LoadedData & { key: string }> | 'same';
  /** Absent when loading failed. */
  prepared: Result<PreparedData> | null;
}

export interface Preparer {
  handle(request: PrepareRequest): PrepareReply;
}

/** Identifies a table: the text it came from and the settings that shaped it. */
export const tableKeyOf = (textVersion: number, config: DatasetConfig): string =>
  `${textVersion}|${loadKeyOf(config)}`;

export function createPreparer(): Preparer {
  let text: { version: number; text: DataContent | null } = { version: 0, text: null };
  let cache: { key: string; data: LoadedData } | null = null;
  return {
    handle(req) {
      const { id } = req;
      if (req.text !== undefined) text = { version: req.textVersion, text: req.text };
      const checked = datasetConfigSchema.safeParse(req.config);
      if (!checked.success) {
        return { id, loaded: fail('The dataset settings could not be read.'), prepared: null };
      }
      const config = checked.data;
      // A request must never be answered with another file's table.
      if (text.version !== req.textVersion) {
        return {
          id,
          loaded: fail('The file was not received; open it again.'),
          prepared: null,
        };
      }
      const key = tableKeyOf(req.textVersion, config);
      let data = cache?.key === key ? cache.data : null;
      if (!data) {
        const loaded = loadData(config, text.text);
        if (!loaded.ok) return { id, loaded, prepared: null };
        data = loaded.value;
        cache = { key, data };
      }
      const prepared = prepareDataset(data.table, config);
      return {
        id,
        loaded: req.haveKey === key ? 'same' : { ok: true, value: { ...data, key } },
        prepared,
      };
    },
  };
}

/** The buffers a reply can hand over instead of copying: the prepared arrays are new each time. */
export function transferablesOf(reply: PrepareReply): ArrayBuffer[] {
  if (!reply.prepared?.ok) return [];
  const { x, y, sourceRows } = reply.prepared.value;
  return [x.buffer, y.buffer, sourceRows.buffer].filter(
    (b): b is ArrayBuffer => b instanceof ArrayBuffer,
  );
}
