import Papa from 'papaparse';
import { detectHeader, isMissingCell } from './csv-cells';
import { fail, formatCount, ok, type Result } from './result';

/** Non-empty records with their 1-based row number in the file (the row a spreadsheet shows). */
export interface RawRows {
  rows: string[][];
  lines: number[];
}

export const tooManyRows = (limit: number): string =>
  `The file has more than ${formatCount(limit)} rows, the most Layerlab reads; ` +
  'keep fewer rows (for a series, a shorter or coarser period) and try again.';

const stripBom = (text: string): string => text.replace(/^\uFEFF/, '');

/**
 * Papa's step API: one record at a time, so a huge file stops at the row limit instead of being
 * held whole. Blank lines are skipped but still counted, so row numbers match the file.
 */
export function readRows(text: string, maxDataRows: number): Result<RawRows> {
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 0;
  let problem: string | null = null;
  Papa.parse<string[]>(stripBom(text), {
    skipEmptyLines: false,
    step: (step, parser) => {
      line++;
      const error = step.errors.find((e) => e.type === 'Quotes');
      if (error) problem = `Row ${line}: a quoted value is not closed properly (${error.message}).`;
      const cells = step.data;
      if (!problem && cells.every((c) => c.trim() === '')) return;
      // One row more than the data limit leaves room for a header.
      if (!problem && rows.length > maxDataRows) problem = tooManyRows(maxDataRows);
      if (problem) return parser.abort();
      rows.push(cells);
      lines.push(line);
    },
  });
  return problem ? fail(problem) : ok({ rows, lines });
}

/** The first `count` non-blank records only, for previews. */
export function readFirstRows(text: string, count: number): RawRows & { delimiter: string } {
  const parsed = Papa.parse<string[]>(stripBom(text), { preview: count, skipEmptyLines: 'greedy' });
  return {
    rows: parsed.data,
    lines: parsed.data.map((_, i) => i + 1),
    delimiter: parsed.meta.delimiter,
  };
}

export function splitHeader(raw: RawRows, header: 'auto' | 'yes' | 'no') {
  const hasHeader = header === 'yes' || (header === 'auto' && detectHeader(raw.rows));
  return {
    hasHeader,
    first: hasHeader ? (raw.rows[0] ?? []) : null,
    rows: hasHeader ? raw.rows.slice(1) : raw.rows,
    lines: hasHeader ? raw.lines.slice(1) : raw.lines,
  };
}

/**
 * Makes every row as wide as the header (or the first row): trailing empty cells beyond it are
 * forgiven ("1,2,3," under "a,b,c"), any other difference is an error naming the row. Then a
 * column with neither a name nor a value (every line ended with a comma) is dropped.
 */
export function shapeRows(
  first: string[] | null,
  rows: string[][],
  lines: readonly number[],
): Result<{ first: string[] | null; rows: string[][] }> {
  const width = (first ?? rows[0] ?? []).length;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i] as string[];
    let end = cells.length;
    while (end > width && (cells[end - 1] ?? '').trim() === '') end--;
    if (end !== width) {
      const what = first ? 'the header has' : 'the first row has';
      return fail(
        `Row ${lines[i]} has ${end} values but ${what} ${width} columns; ` +
          'every row needs one value per column (leave a cell empty rather than out).',
      );
    }
    if (end !== cells.length) rows[i] = cells.slice(0, end);
  }
  const keep = Array.from({ length: width }, (_, j) => j).filter(
    (j) => (first?.[j] ?? '').trim() !== '' || rows.some((r) => !isMissingCell(r[j] ?? '')),
  );
  if (keep.length === width) return ok({ first, rows });
  const pick = (r: readonly string[]) => keep.map((j) => r[j] ?? '');
  return ok({ first: first ? pick(first) : null, rows: rows.map(pick) });
}
