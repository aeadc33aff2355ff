import type { DatasetConfig } from './config';
import type { DataContent } from './content';
import { parseCsv } from './csv';
import { loadTable } from './index';
import { ok, type Result } from './result';
import type { Table } from './table';

/**
 * A source loaded into a table, with what the import wants the user to know. loadTable keeps
 * only the table; the import panel also shows the CSV's warnings and whether a header was found.
 */
export interface LoadedData {
  table: Table;
  /** Whether the first row was read as column names; null for generated data. */
  hasHeader: boolean | null;
  warnings: string[];
}

export function loadData(config: DatasetConfig, text: DataContent | null): Result<LoadedData> {
  if (config.source === 'csv' && typeof text === 'string') {
    const parsed = parseCsv(text, config);
    if (!parsed.ok) return parsed;
    const { table, hasHeader, warnings } = parsed.value;
    return ok({ table, hasHeader, warnings });
  }
  const table = loadTable(config, text);
  if (!table.ok) return table;
  return ok({
    table: table.value,
    hasHeader: config.source === 'builtin' || config.source === 'image-folder' ? null : true,
    warnings: [],
  });
}

const sortedRoles = (roles: Record<string, string>): [string, string][] =>
  Object.entries(roles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The part of a configuration that decides the table (not how it is prepared): equal keys and
 * equal text give the same table, so a worker can keep the table while only the windowing or
 * the split changes. The CSV's file name is left out: the text itself is what counts.
 */
export function loadKeyOf(config: DatasetConfig): string {
  switch (config.source) {
    case 'builtin': {
      const { id, samples, noise, seed, period, trend, segmentLength } = config;
      return JSON.stringify(['builtin', id, samples, noise, seed, period, trend, segmentLength]);
    }
    case 'shipped':
      return JSON.stringify(['shipped', config.id, config.limit, sortedRoles(config.roles)]);
    case 'csv':
      return JSON.stringify(['csv', config.header, config.missing, sortedRoles(config.roles)]);
    case 'image-folder':
      // The options shaped the images before they became text; the text version tells them apart.
      return JSON.stringify(['image-folder']);
  }
}
