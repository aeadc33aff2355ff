import { describe, expect, it } from 'vitest';
import {
  defaultBuiltinConfig,
  generateBuiltin,
  prepareDataset,
  windowSpecOf,
  type BuiltinConfig,
} from '../../data/index';
import { unwrap } from '../../data/test-helpers';
import { windowOrder, windowView } from './window-view';

function sine(prepare: Partial<BuiltinConfig['prepare']> = {}) {
  const base = defaultBuiltinConfig('sine');
  const config = { ...base, samples: 200, prepare: { ...base.prepare, ...prepare } };
  const table = unwrap(generateBuiltin(config));
  return { table, config, p: unwrap(prepareDataset(table, config)) };
}

describe('windowView', () => {
  it('shows window k with its rows, its target row and the value there', () => {
    const { table, config, p } = sine();
    const spec = windowSpecOf(config.prepare);
    const v = windowView(table, p, spec, 2);
    expect(v).toMatchObject({
      k: 2,
      start: 2,
      end: 26,
      target: 26,
      training: true,
      plotted: 'value',
    });
    const values = table.columns[1];
    if (values?.kind !== 'numeric') throw new Error('expected numbers');
    expect(v?.mark).toEqual({ x: 26, y: values.values[26] });
    expect(v?.targetText).toBe(String(values.values[26]));
    expect(v?.points[0]?.x).toBe(0);
  });

  it('walks along the series in time order even after a random split, and clamps k', () => {
    const { table, config, p } = sine({ splitMode: 'random' });
    const order = windowOrder(p);
    expect([...order.starts].slice(0, 3)).toEqual([0, 1, 2]);
    expect(order.training.reduce((a, b) => a + b, 0)).toBe(p.trainCount);
    const last = windowView(table, p, windowSpecOf(config.prepare), 10_000);
    expect(last?.k).toBe(p.xShape[0]! - 1);
    expect(last?.target).toBe(199);
  });

  it('marks the validation windows of a chronological split', () => {
    const { table, config, p } = sine();
    const v = windowView(table, p, windowSpecOf(config.prepare), p.trainCount);
    expect(v).toMatchObject({ training: false, start: 160 });
  });
});
