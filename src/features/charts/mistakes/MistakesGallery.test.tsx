import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { labelClasses, predictedClasses } from '../../../core/charts/confusion';
import { prepareSchema } from '../../../data/config';
import { prepareDataset } from '../../../data/prepare';
import { categoricalColumn, numericColumn } from '../../../data/table';
import { unwrap } from '../../../data/test-helpers';
import { mistakeCount, verdicts, type CellFilter } from './mistakes';
import { MistakesGallery } from './MistakesGallery';

// 40 rows, a = 10·i, label 'x' for i < 20 else 'y': half the rows validate (z-scored a).
const rows = Array.from({ length: 40 }, (_, i) => i);
const data = unwrap(
  prepareDataset(
    {
      columns: [
        numericColumn(
          'a',
          rows.map((i) => 10 * i),
        ),
        categoricalColumn(
          'label',
          rows.map((i) => (i < 20 ? 'x' : 'y')),
        ),
      ],
      rowCount: 40,
      roles: { a: 'feature', label: 'label' },
      kind: 'table',
    },
    prepareSchema.parse({ validationSplit: 0.5, seed: 4 }),
  ),
);
const first = data.trainCount;
const count = 20;
const actual = labelClasses(data.y, data.yShape, first, count);
// A sigmoid that is sure of the wrong class for the first three validation samples.
const outputs = actual.map((a, i) => (i < 3 ? (a === 1 ? 0.1 : 0.95) : a === 1 ? 0.8 : 0.3));
const predicted = predictedClasses(outputs, count, 1);
const all = verdicts(outputs, 1, actual, predicted, 2);

const gallery = (filter: CellFilter) =>
  renderToStaticMarkup(
    <MistakesGallery
      id="g"
      data={data}
      firstSample={first}
      all={all}
      wrong={mistakeCount(all)}
      filter={filter}
      reveal={false}
      onShowAll={() => {}}
    />,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the mistakes gallery', () => {
  it('lists table mistakes as rows in the data’s own units, most confident first', () => {
    const html = gallery(null);
    expect(text(html)).toContain('3 of 20 validation samples wrong');
    expect(text(html)).toContain('Showing: all mistakes, most confident first');
    const body = /<tbody>(.*)<\/tbody>/.exec(html)?.[1] ?? '';
    const shown = [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => text(m[1] ?? '').trim());
    expect(shown).toHaveLength(3);
    // Each row: table row (1-based), true, predicted, confidence, then a = 10 × (row − 1).
    for (const row of shown) {
      const [r, t, p, conf, , a] = row.split(' ');
      expect(t).not.toBe(p);
      expect(['95.0', '90.0']).toContain(conf);
      expect(Number(a)).toBeCloseTo(10 * (Number(r) - 1), 6);
    }
    expect(shown.map((r) => r.split(' ')[3])).toEqual(
      [...shown.map((r) => r.split(' ')[3])].sort().reverse(),
    );
  });

  it('says when the cell is empty and offers all the mistakes back', () => {
    const html = gallery({ actual: 0, predicted: 0 });
    const right = all.filter((v) => v.actual === 0 && v.predicted === 0).length;
    expect(text(html)).toContain(`Showing: true x, predicted right (${right} samples)`);
    expect(html).toContain('Show all mistakes');
    const none = renderToStaticMarkup(
      <MistakesGallery
        id="g"
        data={data}
        firstSample={first}
        all={[]}
        wrong={0}
        filter={null}
        reveal={false}
        onShowAll={() => {}}
      />,
    );
    expect(text(none)).toContain('No mistakes on these samples.');
  });
});
