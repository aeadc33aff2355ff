import { describe, expect, it } from 'vitest';
import { defaultBuiltinConfig, generateBuiltin, type BuiltinId } from '../../data/index';
import { numericColumn, type Table } from '../../data/table';
import { unwrap } from '../../data/test-helpers';
import { linePoints, plottedColumn, scatterView, thinRows } from './preview-data';

const gen = (id: BuiltinId) => unwrap(generateBuiltin(defaultBuiltinConfig(id)));

describe('scatterView', () => {
  it('plots x2 against x1 in one group per class', () => {
    const view = scatterView(gen('circle'));
    expect(view).toMatchObject({ xName: 'x1', yName: 'x2', colourBy: 'label', shown: 500 });
    expect(view?.groups.map((g) => [g.name, g.points.length])).toEqual([
      ['inside', 250],
      ['outside', 250],
    ]);
  });

  it('bins a numeric target into five value ranges, and thins large tables', () => {
    const view = scatterView(gen('plane'), 100);
    expect(view?.groups).toHaveLength(5);
    expect(view?.shown).toBe(100);
    expect(view?.grouping).toBe('ranges');
    // Low to high: each range starts where the one before it ends.
    const bounds = view?.groups.map((g) => g.name.split(' to ').map(Number)) ?? [];
    bounds.slice(1).forEach(([lo], i) => expect(lo).toBe(bounds[i]?.[1]));
  });

  it('draws one feature against a numeric label, and nothing without features', () => {
    const one: Table = {
      columns: [numericColumn('x', [1, 2, 3]), numericColumn('y', [2, 4, 6])],
      rowCount: 3,
      roles: { x: 'feature', y: 'label' },
      kind: 'table',
    };
    expect(scatterView(one)).toMatchObject({ xName: 'x', yName: 'y', colourBy: '', shown: 3 });
    expect(scatterView({ ...one, roles: { x: 'ignore', y: 'label' } })).toBeNull();
  });
});

describe('series points', () => {
  it('thins rows evenly and keeps the first', () => {
    expect(thinRows(10, 4)).toEqual([0, 3, 6, 9]);
    expect(thinRows(3, 10)).toEqual([0, 1, 2]);
  });

  it('plots a range of a column against the row number, skipping gaps', () => {
    const c = numericColumn('v', [5, NaN, 7, 8]);
    expect(linePoints(c, 1, 4)).toEqual([
      { x: 2, y: 7 },
      { x: 3, y: 8 },
    ]);
  });

  it('plots the target when it is a number, else the first feature', () => {
    const waves = gen('waveforms');
    expect(plottedColumn(waves, 'waveform')?.name).toBe('value');
    expect(plottedColumn(gen('sine'), 'value')?.name).toBe('value');
  });
});
