import { describe, expect, it } from 'vitest';
import {
  checkCsvSize,
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
  parseCsv,
  previewCsv,
  type CsvOptions,
} from './csv';
import { unwrap, values } from './test-helpers';

const opts: CsvOptions = { header: 'auto', missing: 'refuse', roles: {} };
const parse = (text: string, o: Partial<CsvOptions> = {}) => parseCsv(text, { ...opts, ...o });
const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);

/** header + `rows` lines "i,10*i" with optional replacements by 1-based file row */
function births(rows: number, replace: Record<number, string> = {}): string {
  const lines = ['day,births'];
  for (let i = 1; i <= rows; i++) lines.push(replace[i + 1] ?? `${i},${10 * i}`);
  return lines.join('\n');
}

describe('parseCsv', () => {
  it('reads a table with a header, numbers and a text label', () => {
    const r = unwrap(parse('a,b,species\n1,2,setosa\n3,4.5,virginica\n5,6,setosa\n'));
    expect(r.hasHeader).toBe(true);
    expect(r.table.rowCount).toBe(3);
    expect(r.table.roles).toEqual({ a: 'feature', b: 'feature', species: 'label' });
    expect(values(r.table, 'b')).toEqual([2, 4.5, 6]);
    const species = r.table.columns[2];
    expect(species?.kind === 'categorical' && species.categories).toEqual(['setosa', 'virginica']);
    expect(values(r.table, 'species')).toEqual([0, 1, 0]);
    expect(r.table.kind).toBe('table');
  });

  it('reads a headerless file with generated column names', () => {
    const r = unwrap(parse('1,2\n3,4\n'));
    expect(r.hasHeader).toBe(false);
    expect(r.table.columns.map((c) => c.name)).toEqual(['column 1', 'column 2']);
    expect(r.table.rowCount).toBe(2);
  });

  it('names the row and column of a cell that is not a number', () => {
    expect(reason(parse(births(20, { 14: '13,abc' })))).toBe(
      "Row 14, column 'births': 'abc' is not a number.",
    );
    expect(reason(parse(births(20, { 5: '4,x', 9: '8,y', 12: 'z,110' })))).toBe(
      "Row 5, column 'births': 'x' is not a number. (2 more problems like it in the file.)",
    );
  });

  it('treats a number label with a typo as numbers (and reports the typo), not as classes', () => {
    // 'births' is the last column, so the label: its one text cell must not turn it into classes
    expect(unwrap(parse(births(20))).table.columns[1]?.kind).toBe('numeric');
    expect(reason(parse(births(20, { 7: '6,n/k' })))).toBe(
      "Row 7, column 'births': 'n/k' is not a number.",
    );
  });

  it('counts every line of the file for row numbers, blank lines included', () => {
    expect(reason(parse('day,births\n1,10\n\n3,abc\n'))).toBe(
      "Row 4, column 'births': 'abc' is not a number.",
    );
  });

  it('refuses a text feature but accepts the same column as a label', () => {
    const text = 'x,colour,y\n1,red,0\n2,blue,1\n3,red,1\n';
    expect(reason(parse(text, { roles: { colour: 'feature' } }))).toBe(
      "Row 2, column 'colour': 'red' is not a number. (2 more problems like it in the file.)",
    );
    const ignored = unwrap(parse(text));
    expect(ignored.table.roles.colour).toBe('ignore');
    expect(ignored.warnings).toEqual([
      "Column 'colour' holds text, so it is ignored; give it the label role to use its values as classes.",
    ]);
    const label = unwrap(parse(text, { roles: { colour: 'label', y: 'feature' } }));
    expect(label.table.roles).toEqual({ x: 'feature', colour: 'label', y: 'feature' });
  });

  it('reports ragged rows with their row number, and forgives trailing empty cells', () => {
    expect(reason(parse('a,b,c\n1,2,3\n4,5,6\n7,8\n'))).toBe(
      'Row 4 has 2 values but the header has 3 columns; every row needs one value per column (leave a cell empty rather than out).',
    );
    expect(reason(parse('a,b\n1,2\n3,4,5\n'))).toContain(
      'Row 3 has 3 values but the header has 2 columns',
    );
    expect(unwrap(parse('a,b\n1,2,\n3,4,\n')).table.rowCount).toBe(2);
    // every line ending in a comma: the nameless empty column is dropped
    expect(unwrap(parse('a,b,\n1,2,\n3,4,\n')).table.columns.map((c) => c.name)).toEqual([
      'a',
      'b',
    ]);
    expect(unwrap(parse('1,2,\n3,4,\n')).table.columns).toHaveLength(2);
    expect(reason(parse('1,2\n3,4,5\n'))).toContain(
      'Row 2 has 3 values but the first row has 2 columns',
    );
  });

  describe('missing values', () => {
    const gappy = 'a,b,note\n1,10,x\n2,,y\n3,NA,\n4,40,z\n';
    it('refuse: names the first empty cell', () => {
      expect(reason(parse(gappy))).toBe(
        "Row 3, column 'b' is empty. Fill it in, or choose to drop rows with missing values or to carry the previous value forward.",
      );
    });
    it('drop: removes rows with a gap in a used column and says so', () => {
      const r = unwrap(parse(gappy, { missing: 'drop' }));
      expect(values(r.table, 'a')).toEqual([1, 4]);
      expect(r.warnings).toContain('Dropped 2 rows with missing values (the first is row 3).');
    });
    it('carry-forward: repeats the previous value', () => {
      const r = unwrap(parse(gappy, { missing: 'carry-forward' }));
      expect(values(r.table, 'b')).toEqual([10, 10, 10, 40]);
      expect(reason(parse('a,b\n1,\n2,3\n', { missing: 'carry-forward' }))).toBe(
        "Row 2, column 'b' is empty and has no earlier value to carry forward; fill it in or choose to drop rows with missing values.",
      );
    });
    it('ignored columns may have gaps', () => {
      const r = unwrap(parse('a,b,c\n1,,5\n2,,6\n', { roles: { b: 'ignore' } }));
      expect(r.table.rowCount).toBe(2);
    });
    it('drop: refuses when nothing is left', () => {
      expect(reason(parse('a,b\n1,\n2,\n', { missing: 'drop' }))).toBe(
        'Every row has a missing value in a column in use, so no rows are left.',
      );
    });
  });

  it('refuses files over the size limit with the numbers', () => {
    expect(reason(checkCsvSize(25 * 1024 * 1024, "'big.csv'"))).toBe(
      "'big.csv' is 25.0 MB; Layerlab reads CSV files up to 20 MB. Remove rows or columns you do not need and try again.",
    );
    expect(checkCsvSize(1000).ok).toBe(true);
    expect(reason(parse('a\n' + '1'.repeat(MAX_CSV_BYTES)))).toContain('up to 20 MB');
  });

  it('refuses more than the row limit, and accepts exactly the limit', () => {
    const atLimit = 'v\n' + '1\n'.repeat(MAX_CSV_ROWS);
    expect(unwrap(parse(atLimit)).table.rowCount).toBe(MAX_CSV_ROWS);
    expect(unwrap(parse(atLimit.slice(2), { header: 'no' })).table.rowCount).toBe(MAX_CSV_ROWS);
    expect(reason(parse(atLimit.slice(2) + '1\n', { header: 'no' }))).toContain('more than 200');
    expect(reason(parse(atLimit + '1\n'))).toBe(
      'The file has more than 200\u00a0000 rows, the most Layerlab reads; keep fewer rows (for a series, a shorter or coarser period) and try again.',
    );
  });

  it('reports an unclosed quote with its row', () => {
    expect(reason(parse('a,b\n1,2\n3,"4\n5,6\n'))).toMatch(
      /^Row 3: a quoted value is not closed properly/,
    );
  });

  it('handles a BOM, quotes, semicolons and NA', () => {
    const r = unwrap(parse('\uFEFFa;"b";c\n1;"2";x\n3;NA;y\n', { missing: 'drop' }));
    expect(r.table.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(values(r.table, 'b')).toEqual([2]);
  });

  it('refuses empty files and header-only files', () => {
    expect(reason(parse(''))).toBe('The file is empty: it has no rows of data.');
    expect(reason(parse('a,b\n', { header: 'yes' }))).toBe(
      'The file has a header row but no rows of data below it.',
    );
  });

  it('honours header: no (the first row is then data)', () => {
    expect(reason(parse('a,b\n1,2\n', { header: 'no' }))).toBe(
      "Row 1, column 'column 1': 'a' is not a number. (1 more problem like it in the file.)",
    );
  });

  it('treats a time column as a series and warns about roles for absent columns', () => {
    const r = unwrap(
      parse('date,value\n2020-01-01,1\n2020-01-02,2\n', { roles: { nope: 'label' } }),
    );
    expect(r.table.kind).toBe('series');
    expect(r.table.roles).toEqual({ date: 'time', value: 'feature' });
    expect(r.warnings).toEqual([
      "A role was set for column 'nope', which this file does not have.",
    ]);
  });
});

describe('previewCsv', () => {
  it('shows the first rows, header and inferred roles', () => {
    const text =
      'a,b,species\n' + Array.from({ length: 30 }, (_, i) => `${i},${i * 2},s${i % 3}`).join('\n');
    const p = unwrap(previewCsv(text, 'auto', 5));
    expect(p.hasHeader).toBe(true);
    expect(p.delimiter).toBe(',');
    expect(p.rows).toHaveLength(5);
    expect(p.rows[0]).toEqual(['0', '0', 's0']);
    expect(p.columns).toEqual([
      { name: 'a', numeric: true, role: 'feature' },
      { name: 'b', numeric: true, role: 'feature' },
      { name: 'species', numeric: false, role: 'label' },
    ]);
    expect(reason(previewCsv(''))).toBe('The file has no rows of data to show.');
  });
});
