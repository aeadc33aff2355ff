import { describe, expect, it } from 'vitest';
import { prepareSchema } from '../../data/config';
import { prepareDataset } from '../../data/prepare';
import { categoricalColumn, numericColumn, type Table } from '../../data/table';
import { unwrap } from '../../data/test-helpers';
import { rawFeatures, scaledFeatures } from '../../core/predict/reading';
import { targetOf, truthOf, validationRange } from './sample-truth';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** rows i: a = 10 + i, b = 3i, label = i % 3 as text; value = 100 + 2i (a series). */
const table = (): Table => ({
  columns: [
    numericColumn(
      'a',
      range(20).map((i) => 10 + i),
    ),
    numericColumn(
      'b',
      range(20).map((i) => 3 * i),
    ),
    categoricalColumn(
      'label',
      range(20).map((i) => ['x', 'y', 'z'][i % 3] as string),
    ),
    numericColumn(
      'value',
      range(20).map((i) => 100 + 2 * i),
    ),
  ],
  rowCount: 20,
  roles: { a: 'feature', b: 'feature', label: 'label', value: 'ignore' },
  kind: 'table',
});

describe('a sample in the data’s own terms', () => {
  it('gives back a table row in its units, its class, and the validation range', () => {
    const data = unwrap(
      prepareDataset(table(), prepareSchema.parse({ splitMode: 'chronological' })),
    );
    const { first, count } = validationRange(data);
    expect([first, count]).toEqual([16, 4]);
    // Row 17 (the second validation sample): a = 27, b = 51, label 'z'.
    const raw = rawFeatures(data.x, first + 1, data.normalisation);
    expect(raw[0]).toBeCloseTo(27, 4);
    expect(raw[1]).toBeCloseTo(51, 4);
    expect(truthOf(data, first + 1)).toBe('z');
    // Back to what the model reads: the prepared row itself.
    const again = scaledFeatures(raw, data.normalisation);
    expect(again[0]).toBeCloseTo(data.x[2 * (first + 1)]!, 5);
  });

  it('reads a forecast target back in its units', () => {
    const t = table();
    const data = unwrap(
      prepareDataset(
        { ...t, roles: { a: 'ignore', b: 'ignore', label: 'ignore', value: 'feature' } },
        prepareSchema.parse({
          windowing: { enabled: true, length: 3, horizon: 1, targetColumn: 'value' },
          validationSplit: 0.3,
        }),
      ),
    );
    // A window starting at row r covers rows r..r+2; its target is row r+3: 100 + 2(r + 3).
    const { first } = validationRange(data);
    const expected = 100 + 2 * (data.sourceRows[first]! + 3);
    expect(targetOf(data, first)).toBeCloseTo(expected, 3);
    expect(truthOf(data, first)).toBe(expected.toPrecision(4));
  });
});
