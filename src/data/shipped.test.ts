import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHIPPED_IDS } from './config';
import { prepareDataset } from './prepare';
import { parseShipped, SHIPPED } from './shipped';
import { unwrap, values } from './test-helpers';

const read = (file: string) =>
  readFileSync(fileURLToPath(new URL(`../../public/data/${file}`, import.meta.url)), 'utf8');

describe('shipped data', () => {
  it.each(SHIPPED_IDS)('%s: the file parses to its catalogue entry and prepares', (id) => {
    const info = SHIPPED[id];
    const table = unwrap(parseShipped(id, read(info.file)));
    expect(table.rowCount).toBe(info.rows);
    expect(table.columns.map((c) => c.name)).toEqual(info.columns);
    expect(table.roles).toEqual(info.roles);
    expect(info.config).toMatchObject({ source: 'shipped', id });
    unwrap(prepareDataset(table, info.config));
  });

  it('iris is a balanced 3-class table with four measurements', () => {
    const table = unwrap(parseShipped('iris', read('iris.csv')));
    const p = unwrap(prepareDataset(table, SHIPPED.iris.config));
    expect([p.task, p.classNames, p.xShape]).toEqual([
      'multiclass',
      ['setosa', 'versicolor', 'virginica'],
      [150, 4],
    ]);
    const codes = values(table, 'species');
    expect([0, 1, 2].map((c) => codes.filter((v) => v === c).length)).toEqual([50, 50, 50]);
  });

  it('us-births forecasts tomorrow from four weeks of births', () => {
    const table = unwrap(parseShipped('us-births', read('us-births.csv')));
    expect(values(table, 'births').slice(0, 3)).toEqual([9083, 8006, 11363]);
    const p = unwrap(prepareDataset(table, SHIPPED['us-births'].config));
    expect(p.task).toBe('regression');
    expect(p.xShape.slice(1)).toEqual([28, 1]);
    expect(p.splitMode).toBe('chronological');
    expect(p.featureNames).toEqual(['births']);
  });

  it('lets roles be overridden, e.g. day_of_week as a feature', () => {
    const table = unwrap(
      parseShipped('us-births', read('us-births.csv'), { day_of_week: 'feature' }),
    );
    const config = { ...SHIPPED['us-births'].config.prepare };
    const p = unwrap(prepareDataset(table, config));
    expect(p.featureNames).toEqual(['day_of_week', 'births']);
    expect(p.xShape.slice(1)).toEqual([28, 2]);
  });

  it('refuses something that is not the expected file (such as an HTML page)', () => {
    expect(parseShipped('iris', '<!doctype html><html><body>Not found</body></html>')).toEqual({
      ok: false,
      reason:
        "The shipped data 'Iris flowers' (iris.csv) did not load as expected; reload the page and try again.",
    });
  });
});
