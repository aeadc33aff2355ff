import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createRedrawClock, REDRAW_INTERVAL_MS } from './redraw-clock';
import { throttledView } from './throttled-view';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Sets `n` to 1, 2, … `count`, one every `everyMs`, then lets the clock run on for `restMs`. */
function countUp(
  store: { setState(s: { n: number }): void },
  count: number,
  everyMs = 10,
  restMs = 200,
) {
  for (let i = 1; i <= count; i++) {
    store.setState({ n: i });
    vi.advanceTimersByTime(everyMs);
  }
  vi.advanceTimersByTime(restMs);
}

describe('throttled view', () => {
  it('tells listeners at most once per interval, with the latest value', () => {
    const store = createStore<{ n: number; other: number }>(() => ({ n: 0, other: 0 }));
    const view = throttledView(store, (s) => s.n, createRedrawClock(100));
    const seen: number[] = [];
    const stop = view.subscribe(() => seen.push(view.get()));
    countUp(store, 50);
    // 500 ms of updates every 10 ms: about five notifications, the last with the last value.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.length).toBeLessThanOrEqual(6);
    expect(seen.at(-1)).toBe(50);
    stop();
  });

  it('with a minimum gap, tells at most once per gap, on a tick, and ends on the last value', () => {
    const store = createStore<{ n: number }>(() => ({ n: 0 }));
    const view = throttledView(store, (s) => s.n, createRedrawClock(80), 250);
    const seen: [number, number][] = [];
    const start = Date.now();
    const stop = view.subscribe(() => seen.push([Date.now() - start, view.get()]));
    countUp(store, 100, 10, 1000);
    // 1 s of changes every 10 ms on an 80 ms clock: 12 ticks' worth, but 4 or 5 notifications.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < seen.length; i++)
      expect((seen[i]?.[0] ?? 0) - (seen[i - 1]?.[0] ?? 0)).toBeGreaterThanOrEqual(250);
    expect(seen.at(-1)?.[1]).toBe(100);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores changes to other parts of the state, and stops on unsubscribe', () => {
    const store = createStore<{ n: number; other: number }>(() => ({ n: 0, other: 0 }));
    const view = throttledView(store, (s) => s.n, createRedrawClock(100));
    let calls = 0;
    const stop = view.subscribe(() => calls++);
    store.setState({ other: 1 });
    vi.advanceTimersByTime(500);
    expect(calls).toBe(0);
    stop();
    store.setState({ n: 3 });
    vi.advanceTimersByTime(500);
    expect(calls).toBe(0);
    expect(view.get()).toBe(0);
  });

  it('picks up a change made before it subscribed', () => {
    const store = createStore<{ n: number }>(() => ({ n: 0 }));
    const view = throttledView(store, (s) => s.n, createRedrawClock(100));
    store.setState({ n: 7 });
    const stop = view.subscribe(() => {});
    expect(view.get()).toBe(7);
    stop();
  });

  it('flushes every view that changed at the same tick, in one task', () => {
    const store = createStore<{ a: number; b: number }>(() => ({ a: 0, b: 0 }));
    const clock = createRedrawClock(100);
    const a = throttledView(store, (s) => s.a, clock);
    const b = throttledView(store, (s) => s.b, clock);
    const seen: string[] = [];
    const stops = [
      a.subscribe(() => seen.push(`a${a.get()}`)),
      b.subscribe(() => seen.push(`b${b.get()}`)),
    ];
    // After a quiet spell the first change shows at once…
    store.setState({ a: 1 });
    vi.advanceTimersByTime(0);
    expect(seen).toEqual(['a1']);
    // …then changes wait for the next tick: one timer for both views, told together, each
    // with its latest value.
    vi.advanceTimersByTime(30);
    store.setState({ b: 1 });
    store.setState({ a: 2 });
    expect(seen).toEqual(['a1']);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(70);
    expect(seen).toEqual(['a1', 'b1', 'a2']);
    stops.forEach((stop) => stop());
  });

  it('drops the tick when its last waiting view unsubscribes', () => {
    const store = createStore<{ n: number }>(() => ({ n: 0 }));
    const clock = createRedrawClock(100);
    const view = throttledView(store, (s) => s.n, clock);
    const stop = view.subscribe(() => {});
    vi.advanceTimersByTime(10);
    store.setState({ n: 1 });
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('redraws live charts at least 10 times a second', () => {
    expect(1000 / REDRAW_INTERVAL_MS).toBeGreaterThanOrEqual(10);
  });
});
