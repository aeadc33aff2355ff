import { describe, expect, it } from 'vitest';
import type { ProbeSnapshot } from '../training/probe-types';
import { addToTimeline, entryAt, timelineBytes, type TimelineEntry } from './history';
import type { TimelineSnapshot } from './timeline-types';

const probe = (epoch: number): ProbeSnapshot => ({
  epoch,
  batch: 1,
  layers: [],
  pooling: [],
  predictions: null,
  extra: null,
});
const timeline: TimelineSnapshot = { weights: [], globalGradNorm: 1, embedding: null };

describe('timeline history', () => {
  it('keeps epochs in order and replaces a repeated epoch', () => {
    let h: TimelineEntry[] = [];
    for (const e of [0, 2, 1, 2]) h = addToTimeline(h, e, probe(e), timeline);
    expect(h.map((e) => e.epoch)).toEqual([0, 1, 2]);
  });

  it('stays within its budget by thinning evenly, keeping the first and the newest', () => {
    let h: TimelineEntry[] = [];
    const one = addToTimeline([], 0, probe(0), timeline)[0]!.bytes;
    const budget = one * 10.5;
    for (let e = 0; e <= 100; e++) {
      h = addToTimeline(h, e, probe(e), timeline, budget);
      expect(timelineBytes(h)).toBeLessThanOrEqual(budget);
    }
    expect(h[0]!.epoch).toBe(0);
    expect(h.at(-1)!.epoch).toBe(100);
    expect(h.length).toBeGreaterThanOrEqual(5);
  });

  it('finds the entry at or before an epoch', () => {
    let h: TimelineEntry[] = [];
    for (const e of [0, 5, 10]) h = addToTimeline(h, e, probe(e), timeline);
    expect(entryAt(h, 7)?.epoch).toBe(5);
    expect(entryAt(h, 10)?.epoch).toBe(10);
    expect(entryAt([], 3)).toBeNull();
  });
});
