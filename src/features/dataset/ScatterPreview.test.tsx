import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { numericColumn, type Table } from '../../data/table';
import { ScatterPreview } from './ScatterPreview';

/** The legend's item texts, in document order. */
function legendOf(markup: string): string[] {
  const list = /<ul[^>]*aria-label="Legend"[^>]*>(.*?)<\/ul>/.exec(markup)?.[1] ?? '';
  return [...list.matchAll(/<li>(?:<svg.*?<\/svg>)?(.*?)<\/li>/g)].map((m) => m[1] ?? '');
}

describe('ScatterPreview', () => {
  it('lists the value ranges of a numeric label low to high, not in text order', () => {
    // Births-like counts: 4- and 5-digit values, whose text order differs from their order.
    const n = 100;
    const table: Table = {
      columns: [
        numericColumn(
          'year',
          Array.from({ length: n }, (_, i) => 2000 + (i % 15)),
        ),
        numericColumn(
          'month',
          Array.from({ length: n }, (_, i) => 1 + (i % 12)),
        ),
        numericColumn(
          'births',
          Array.from({ length: n }, (_, i) => 6000 + i * 60),
        ),
      ],
      rowCount: n,
      roles: { year: 'feature', month: 'feature', births: 'label' },
      kind: 'table',
    };
    const legend = legendOf(renderToStaticMarkup(<ScatterPreview table={table} />));
    expect(legend).toEqual([
      '6000 to 7200',
      '7200 to 8400',
      '8400 to 9600',
      '9600 to 10800',
      '10800 to 11900',
    ]);
  });
});
