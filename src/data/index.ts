/**
 * The data module's single entry: where the table comes from (generator, shipped file, user
 * CSV) and how it becomes model-ready arrays. Pure: no fetch, no DOM, fine inside a worker.
 */
import type { DatasetConfig } from './config';
import type { DataContent } from './content';
import { parseCsv } from './csv';
import { generateBuiltin } from './generators';
import { imageSetFromBytes } from './image-folder/set-bytes';
import { imageTable } from './images';
import { fail, type Result } from './result';
import { parseShipped, SHIPPED } from './shipped';
import { firstRows, type Table } from './table';

const limitRows = (table: Result<Table>, limit: number | null): Result<Table> =>
  table.ok && limit !== null ? { ok: true, value: firstRows(table.value, limit) } : table;

/** `content`: the CSV's text or the binary source's bytes (see content.ts); null for none yet. */
export function loadTable(config: DatasetConfig, content: DataContent | null): Result<Table> {
  switch (config.source) {
    case 'builtin':
      return generateBuiltin(config);
    case 'shipped':
      if (content === null) {
        return fail(
          `The data '${SHIPPED[config.id].title}' has not been loaded yet; wait a moment or reload.`,
        );
      }
      return limitRows(parseShipped(config.id, content, config.roles), config.limit);
    case 'csv': {
      if (typeof content !== 'string') {
        return fail(
          `Open the file '${config.fileName}' again: a shared link carries its settings but not its contents.`,
        );
      }
      const parsed = parseCsv(content, config);
      return parsed.ok ? { ok: true, value: parsed.value.table } : parsed;
    }
    case 'image-folder': {
      if (content === null) {
        return fail(
          `Open the image folder '${config.name}' again: a shared link carries its settings but not its images.`,
        );
      }
      const what = `'${config.name}'`;
      const set =
        typeof content === 'string'
          ? fail(`${what}: the imported images could not be read back; import them again.`)
          : imageSetFromBytes(content, what);
      return set.ok ? { ok: true, value: imageTable(set.value) } : set;
    }
  }
}

export * from './config';
export {
  checkCsvSize,
  parseCsv,
  previewCsv,
  MAX_CSV_BYTES,
  MAX_CSV_COLUMNS,
  MAX_CSV_ROWS,
} from './csv';
export type { CsvOptions, CsvPreview, CsvResult } from './csv';
export {
  BUILTIN_INFO,
  defaultBuiltinConfig,
  generateBuiltin,
  MAX_GENERATED_ROWS,
} from './generators';
export type { BuiltinInfo, BuiltinKind, BuiltinSetting } from './generators';
export { applyNormalisation } from './normalise';
export type { Normalisation } from './normalise';
export { describePrepared, prepareDataset, windowSpecOf } from './prepare';
export type { PreparedData } from './prepare';
export type { Result } from './result';
export { parseShipped, SHIPPED } from './shipped';
export type { ShippedInfo } from './shipped';
export { cellText, columnsWithRole, findColumn, roleOf } from './table';
export type { Column, ColumnRole, Table } from './table';
export { MAX_CLASSES } from './task';
export type { SuggestedOutput, Task } from './task';
export {
  checkWindowing,
  describeWindowing,
  makeWindows,
  MAX_WINDOW_VALUES,
  windowAt,
  windowCount,
} from './windowing';
export type { WindowSpec, Windows } from './windowing';
