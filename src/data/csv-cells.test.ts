import { describe, expect, it } from 'vitest';
import {
  columnNames,
  detectHeader,
  inferRoles,
  isMissingCell,
  notANumber,
  parseNumberCell,
  profileColumn,
} from './csv-cells';

describe('csv cells', () => {
  it('reads plain numbers only', () => {
    expect(['1', '-2.5', '+.5', '3.', '1e3', ' 7 ', '-1.5E-2'].map(parseNumberCell)).toEqual([
      1, -2.5, 0.5, 3, 1000, 7, -0.015,
    ]);
    for (const bad of ['', 'abc', '0x1f', '1,5', '1 000', 'Infinity', '1e999', '--1', '.']) {
      expect(parseNumberCell(bad)).toBeNull();
    }
  });

  it('knows the usual spellings of a missing value', () => {
    for (const m of ['', ' ', 'NA', 'n/a', 'NaN', 'null', 'None', '?'])
      expect(isMissingCell(m)).toBe(true);
    expect(isMissingCell('0')).toBe(false);
  });

  it('words the not-a-number message with row and column, hinting at decimal commas', () => {
    expect(notANumber(14, 'births', 'abc')).toBe("Row 14, column 'births': 'abc' is not a number.");
    expect(notANumber(3, 'x', '1,5')).toBe(
      "Row 3, column 'x': '1,5' is not a number. Write decimals with a dot.",
    );
  });

  it('detects a header: text over numbers, or unique text names over repeated text', () => {
    expect(
      detectHeader([
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ]),
    ).toBe(true);
    expect(
      detectHeader([
        ['x', 'species'],
        ['1', 'setosa'],
        ['2', 'setosa'],
      ]),
    ).toBe(true);
    expect(
      detectHeader([
        ['1', '2'],
        ['3', '4'],
      ]),
    ).toBe(false);
    expect(
      detectHeader([
        ['1', 'setosa'],
        ['2', 'versicolor'],
      ]),
    ).toBe(false);
    expect(
      detectHeader([
        ['name', 'colour'],
        ['ann', 'red'],
        ['bob', 'blue'],
      ]),
    ).toBe(true);
    expect(
      detectHeader([
        ['red', 'big'],
        ['red', 'small'],
      ]),
    ).toBe(false);
    expect(detectHeader([['a', 'b']])).toBe(false);
  });

  it('names columns: trimmed, never empty, never repeated', () => {
    expect(columnNames([' a ', '', 'a', 'a'], 5)).toEqual([
      'a',
      'column 2',
      'a (2)',
      'a (3)',
      'column 5',
    ]);
    expect(columnNames(null, 2)).toEqual(['column 1', 'column 2']);
  });

  it('infers roles: time-like columns, last column as label, text features ignored', () => {
    const profiles = [
      profileColumn('date', ['2020-01-01', '2020-01-02']),
      profileColumn('city', ['Oslo', 'Rome']),
      profileColumn('temp', ['1', '2']),
      profileColumn('rain', ['0', '1']),
    ];
    expect(profiles.map((p) => [p.numeric, p.timeLike])).toEqual([
      [false, true],
      [false, false],
      [true, false],
      [true, false],
    ]);
    expect(inferRoles(profiles)).toEqual({
      date: 'time',
      city: 'ignore',
      temp: 'feature',
      rain: 'label',
    });
    expect(inferRoles([profileColumn('value', ['1'])])).toEqual({ value: 'feature' });
    expect(profileColumn('when', ['2020-01-01T10:00:00Z', 'NA']).timeLike).toBe(true);
  });
});
