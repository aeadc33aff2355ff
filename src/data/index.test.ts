import { describe, expect, it } from 'vitest';
import { defaultDatasetConfig, loadTable, parseDatasetConfig, prepareDataset } from './index';
import { unwrap } from './test-helpers';

describe('loadTable', () => {
  it('generates built-in data without any text', () => {
    const table = unwrap(loadTable(defaultDatasetConfig, null));
    expect(table.rowCount).toBe(500);
    expect(unwrap(prepareDataset(table, defaultDatasetConfig)).xShape).toEqual([500, 2]);
  });

  it('parses a user CSV with the roles and missing-value policy from the config', () => {
    const config = unwrap(
      parseDatasetConfig({
        source: 'csv',
        fileName: 'm.csv',
        roles: { y: 'label', x: 'feature' },
        missing: 'drop',
      }),
    );
    const table = unwrap(loadTable(config, 'y,x\n1,2\n0,\n1,4\n0,5\n'));
    expect(table.rowCount).toBe(3);
    const p = unwrap(
      prepareDataset(table, { ...config, prepare: { ...config.prepare, validationSplit: 0 } }),
    );
    expect([p.task, p.featureNames, p.xShape]).toEqual(['binary', ['x'], [3, 1]]);
  });

  it('says what to do when the file contents are not there (e.g. opened from a link)', () => {
    const csv = unwrap(parseDatasetConfig({ source: 'csv', fileName: 'sales.csv' }));
    expect(loadTable(csv, null)).toEqual({
      ok: false,
      reason:
        "Open the file 'sales.csv' again: a shared link carries its settings but not its contents.",
    });
    const shipped = unwrap(parseDatasetConfig({ source: 'shipped', id: 'iris' }));
    expect(loadTable(shipped, null).ok).toBe(false);
    expect(
      unwrap(
        loadTable(
          shipped,
          'sepal_length,sepal_width,petal_length,petal_width,species\n1,2,3,4,setosa\n',
        ),
      ).rowCount,
    ).toBe(1);
  });
});
