import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHARES,
  defaultLayout,
  LAYOUT_KEY,
  MIN_SHARE,
  moveBoundary,
  readLayout,
  serialiseLayout,
} from './layout-prefs';
import { createLayoutStore } from './layout-store';
import type { KeyValue } from '../../store/persistence';

const memory = (init: Record<string, string> = {}) => {
  const map = new Map(Object.entries(init));
  const storage: KeyValue = {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
  return { map, storage };
};

describe('layout prefs', () => {
  it('round-trips what a user chose', () => {
    const prefs = { collapsed: ['Graph', 'Summary'], shares: [0.25, 0.3, 0.45] as const };
    const back = readLayout(serialiseLayout({ ...prefs, shares: [...prefs.shares] }));
    expect(back.collapsed).toEqual(['Graph', 'Summary']);
    back.shares.forEach((s, i) => expect(s).toBeCloseTo(prefs.shares[i] ?? 0));
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{"collapsed":'],
    ['a wrong shape', '{"collapsed":"Graph","shares":[0.3,0.3,0.4]}'],
    ['a column squeezed away', '{"collapsed":[],"shares":[0.01,0.5,0.49]}'],
    ['NaN widths', '{"collapsed":[],"shares":[null,0.5,0.5]}'],
  ])('falls back to the default layout on %s', (_, text) => {
    expect(readLayout(text)).toEqual(defaultLayout);
  });

  it('sums the shares to one', () => {
    const { shares } = readLayout('{"collapsed":[],"shares":[0.5,0.5,1]}');
    expect(shares[0] + shares[1] + shares[2]).toBeCloseTo(1);
    expect(shares[2]).toBeCloseTo(0.5);
  });

  it('moves a boundary between its two columns and never under the minimum', () => {
    const moved = moveBoundary(DEFAULT_SHARES, 1, 0.05);
    expect(moved[0]).toBe(DEFAULT_SHARES[0]);
    expect(moved[1]).toBeCloseTo(DEFAULT_SHARES[1] + 0.05);
    expect(moved[2]).toBeCloseTo(DEFAULT_SHARES[2] - 0.05);
    const far = moveBoundary(DEFAULT_SHARES, 0, -1);
    expect(far[0]).toBeCloseTo(MIN_SHARE);
    expect(far[1]).toBeCloseTo(DEFAULT_SHARES[0] + DEFAULT_SHARES[1] - MIN_SHARE);
    expect(far[2]).toBe(DEFAULT_SHARES[2]);
  });
});

describe('layout store', () => {
  it('saves folds and widths, restores them on the next visit, and resets', () => {
    const { map, storage } = memory();
    const first = createLayoutStore(storage);
    first.getState().toggle('Graph');
    first.getState().resize(0, 0.04);
    expect(JSON.parse(map.get(LAYOUT_KEY) ?? '{}').collapsed).toEqual(['Graph']);

    const next = createLayoutStore(storage);
    expect(next.getState().collapsed).toEqual(['Graph']);
    expect(next.getState().shares[0]).toBeCloseTo(DEFAULT_SHARES[0] + 0.04);
    next.getState().toggle('Graph');
    expect(next.getState().collapsed).toEqual([]);

    next.getState().toggle('Data');
    next.getState().reset();
    expect(readLayout(map.get(LAYOUT_KEY) ?? null)).toEqual(defaultLayout);
  });

  it('works, unremembered, when the storage is full or blocked', () => {
    const storage: KeyValue = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const store = createLayoutStore(storage);
    expect(store.getState().collapsed).toEqual([]);
    expect(() => store.getState().toggle('Data')).not.toThrow();
    expect(store.getState().collapsed).toEqual(['Data']);
    expect(createLayoutStore(null).getState().shares).toEqual(DEFAULT_SHARES);
  });
});
