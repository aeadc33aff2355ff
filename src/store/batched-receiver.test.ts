import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Progress, WorkerEvent } from '../core/training/protocol';
import { batchedReceiver } from './batched-receiver';
import { createRedrawClock } from './redraw-clock';
import { throttledView } from './throttled-view';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const progress = (batch: number): Progress => ({
  epoch: 1,
  batch,
  batchesPerEpoch: 100,
  totalEpochs: 1,
  samplesPerSec: 1000,
  elapsedMs: batch * 10,
  etaMs: null,
});

const batches = (runId: number, batch: number): WorkerEvent => ({
  type: 'batches',
  runId,
  losses: [{ epoch: 1, batch, loss: 1 / batch }],
  progress: progress(batch),
});

function receiver() {
  const seen: WorkerEvent[] = [];
  const clock = createRedrawClock(100);
  return { seen, clock, events: batchedReceiver((e) => seen.push(e), clock) };
}

describe('batched receiver', () => {
  it('hands on the batches of a tick as one event, with every loss and the last progress', () => {
    const { seen, events } = receiver();
    events.receive(batches(1, 1)); // the clock's first tick is due at once
    for (let b = 2; b <= 9; b++) {
      events.receive(batches(1, b));
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(200);
    const out = seen.filter((e) => e.type === 'batches');
    // 8 batches over 160 ms on a 100 ms clock: the first alone, then two or three ticks' worth.
    expect(out.length).toBeGreaterThanOrEqual(2);
    expect(out.length).toBeLessThanOrEqual(4);
    const losses = out.flatMap((e) => (e.type === 'batches' ? e.losses : []));
    expect(losses.map((l) => l.batch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const last = out.at(-1);
    expect(last?.type === 'batches' && last.progress.batch).toBe(9);
  });

  it('keeps the order the worker sent: "done" comes after the last progress', () => {
    const { seen, events } = receiver();
    events.receive(batches(1, 1));
    vi.advanceTimersByTime(0);
    events.receive(batches(1, 2));
    events.receive(batches(1, 3));
    events.receive({ type: 'done', runId: 1, outcome: 'finished', message: null });
    vi.advanceTimersByTime(100);
    expect(seen.map((e) => e.type)).toEqual(['batches', 'batches', 'done']);
    const second = seen[1];
    expect(second?.type === 'batches' && second.losses.map((l) => l.batch)).toEqual([2, 3]);
    // Nothing is left to arrive later.
    vi.advanceTimersByTime(500);
    expect(seen).toHaveLength(3);
  });

  it('holds epoch ends and probes for the tick too, so they cost no render of their own', () => {
    const { seen, events } = receiver();
    events.receive(batches(1, 1));
    vi.advanceTimersByTime(0);
    const epoch: WorkerEvent = {
      type: 'epoch',
      runId: 1,
      result: { epoch: 1, loss: 1, metrics: {}, valLoss: null, valMetrics: {}, numTensors: 0 },
    };
    events.receive(batches(1, 2));
    events.receive(epoch);
    events.receive(batches(1, 3));
    events.receive({ type: 'state', runId: 1, state: 'paused' });
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(100);
    // In the order sent; batches on either side of another event are not joined across it.
    expect(seen.map((e) => e.type)).toEqual(['batches', 'batches', 'epoch', 'batches', 'state']);
    events.receive({ type: 'done', runId: 1, outcome: 'stopped', message: null });
    events.flush();
    expect(seen.at(-1)?.type).toBe('done');
  });

  it('never joins two runs: a new run id first hands on what the old one had', () => {
    const { seen, events } = receiver();
    events.receive(batches(1, 1));
    vi.advanceTimersByTime(0);
    events.receive(batches(1, 2));
    events.receive(batches(2, 1));
    vi.advanceTimersByTime(200);
    expect(seen.map((e) => (e.type === 'batches' ? [e.runId, e.losses.length] : e.type))).toEqual([
      [1, 1],
      [1, 1],
      [2, 1],
    ]);
  });

  it('lands in the same tick as the charts that read it (one render and frame a tick)', () => {
    const clock = createRedrawClock(100);
    const store = createStore<{ batch: number }>(() => ({ batch: 0 }));
    const events = batchedReceiver((e) => {
      if (e.type === 'batches') store.setState({ batch: e.progress.batch });
    }, clock);
    const view = throttledView(store, (s) => s.batch, clock);
    const drawn: [number, number][] = [];
    const start = Date.now();
    const stop = view.subscribe(() => drawn.push([Date.now() - start, view.get()]));
    vi.advanceTimersByTime(100);
    for (let b = 1; b <= 30; b++) {
      events.receive(batches(1, b));
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(300);
    stop();
    // A chart that waited for the tick after the store changed would be a tick behind: here
    // it draws the batches applied in its own tick.
    // Batch b arrives at 100 + 10 (b - 1) ms: a tick at t draws every batch that came before it.
    for (const [t, value] of drawn) if (t > 100 && t <= 400) expect(value).toBe((t - 100) / 10);
    const times = drawn.map(([t]) => t);
    expect(new Set(times).size).toBe(times.length);
    expect(drawn.at(-1)?.[1]).toBe(30);
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(100);
  });
});
