import { describe, expect, it } from 'vitest';
import { defaultBuiltinConfig, parseDatasetConfig } from './index';
import { loadData, loadKeyOf } from './load';
import { unwrap } from './test-helpers';

const csvConfig = (extra: object = {}) =>
  unwrap(parseDatasetConfig({ source: 'csv', fileName: 'a.csv', ...extra }));

describe('loadData', () => {
  it('keeps what the CSV import noticed: the header and the warnings', () => {
    const loaded = unwrap(loadData(csvConfig(), 'name,x,y\na,1,0\nb,2,1\nc,3,0\n'));
    expect(loaded.hasHeader).toBe(true);
    expect(loaded.table.rowCount).toBe(3);
    expect(loaded.warnings.join(' ')).toContain("Column 'name' holds text");
  });

  it('generates built-in data and says it has no header', () => {
    const loaded = unwrap(loadData(defaultBuiltinConfig('xor'), null));
    expect([loaded.hasHeader, loaded.table.rowCount, loaded.warnings]).toEqual([null, 500, []]);
  });

  it('passes on the reasons: a bad cell names its row and column', () => {
    const r = loadData(csvConfig(), 'x,y\n1,0\nnope,1\n');
    expect(r).toEqual({ ok: false, reason: "Row 3, column 'x': 'nope' is not a number." });
  });
});

describe('loadKeyOf', () => {
  it('changes with what shapes the table, not with how it is prepared', () => {
    const sine = defaultBuiltinConfig('sine');
    const longer = { ...sine, prepare: { ...sine.prepare, validationSplit: 0.5 } };
    expect(loadKeyOf(longer)).toBe(loadKeyOf(sine));
    expect(loadKeyOf({ ...sine, noise: 0.3 })).not.toBe(loadKeyOf(sine));
    expect(loadKeyOf(defaultBuiltinConfig('square'))).not.toBe(loadKeyOf(sine));
  });

  it('reads roles in any order as the same roles, and notices a changed one', () => {
    const a = csvConfig({ roles: { x: 'feature', y: 'label' } });
    const b = csvConfig({ roles: { y: 'label', x: 'feature' } });
    expect(loadKeyOf(a)).toBe(loadKeyOf(b));
    expect(loadKeyOf(csvConfig({ roles: { x: 'ignore', y: 'label' } }))).not.toBe(loadKeyOf(a));
    expect(loadKeyOf(csvConfig({ missing: 'drop' }))).not.toBe(loadKeyOf(csvConfig()));
  });
});
