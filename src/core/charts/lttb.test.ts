import { describe, expect, it } from 'vitest';
import { lttb, lttbIndices, type XY } from './lttb';

const line = (n: number, f: (i: number) => number): XY[] =>
  Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));

describe('lttb', () => {
  it('keeps every point when there are no more than the threshold', () => {
    const pts = line(10, (i) => i * i);
    expect(lttb(pts, 10)).toEqual(pts);
    expect(lttb(pts, 50)).toEqual(pts);
  });

  it('keeps the first and last point and returns exactly the threshold', () => {
    const pts = line(100_000, (i) => Math.sin(i / 500));
    const out = lttb(pts, 500);
    expect(out).toHaveLength(500);
    expect(out[0]).toBe(pts[0]);
    expect(out.at(-1)).toBe(pts.at(-1));
  });

  it('returns increasing x (indices in order, no repeats)', () => {
    const idx = lttbIndices(
      Array.from({ length: 1234 }, (_, i) => i),
      Array.from({ length: 1234 }, (_, i) => Math.cos(i)),
      77,
    );
    expect(idx).toHaveLength(77);
    for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1] as number);
  });

  it('picks isolated peaks and dips that a stride sample would miss', () => {
    const pts = line(10_000, () => 1);
    (pts[3_333] as XY).y = 50;
    (pts[7_777] as XY).y = -40;
    const out = lttb(pts, 100);
    expect(out.some((p) => p.y === 50)).toBe(true);
    expect(out.some((p) => p.y === -40)).toBe(true);
  });

  it('leaves out points it cannot draw (NaN, Infinity)', () => {
    const pts = line(6, (i) => (i === 2 ? NaN : i === 4 ? Infinity : i));
    expect(lttb(pts, 10).map((p) => p.x)).toEqual([0, 1, 3, 5]);
  });

  it('handles tiny thresholds', () => {
    const pts = line(10, (i) => i);
    expect(lttbIndices([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 2)).toEqual([
      0, 9,
    ]);
    expect(lttb(pts, 0)).toEqual([]);
    expect(lttb([], 5)).toEqual([]);
  });
});
