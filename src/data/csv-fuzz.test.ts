import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING_POLICIES } from './config';
import { parseCsv, previewCsv, type CsvOptions } from './csv';

/**
 * Any file a user picks goes through this path: whatever it holds, the answer is a table or a
 * reason, never a throw. Cells are drawn from what real and broken CSVs contain.
 */
const RUNS = 10_000;

const cell = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('', ' ', 'NA', 'nan', '?', '-', '1e309', '0x1F', '1,5', '"', '""', '"a,b"', '\r'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const row = fc.array(cell, { maxLength: 8 });
const delimiter = fc.constantFrom(',', ';', '\t', '|');
const newline = fc.constantFrom('\n', '\r\n', '\r');
const csvText = fc.oneof(
  fc
    .tuple(fc.array(row, { maxLength: 30 }), delimiter, newline)
    .map(([rows, d, nl]) => rows.map((r) => r.join(d)).join(nl)),
  fc.string({ maxLength: 200 }),
);
const options: fc.Arbitrary<CsvOptions> = fc.record({
  header: fc.constantFrom('auto', 'yes', 'no'),
  missing: fc.constantFrom(...MISSING_POLICIES),
  roles: fc.dictionary(
    fc.oneof(
      fc.constantFrom('column 1', 'column 2', 'a', '__proto__'),
      fc.string({ maxLength: 4 }),
    ),
    fc.constantFrom('feature', 'label', 'time', 'ignore'),
    { maxKeys: 3 },
  ),
});

describe('CSV import, fuzzed', () => {
  it(`parses ${RUNS} random CSV files to a table or a reason, never a throw`, () => {
    fc.assert(
      fc.property(csvText, options, (text, o) => {
        const parsed = parseCsv(text, o);
        expect(parsed.ok || (typeof parsed.reason === 'string' && parsed.reason.length > 0)).toBe(
          true,
        );
        const preview = previewCsv(text, o.header, 5);
        expect(typeof preview.ok).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
