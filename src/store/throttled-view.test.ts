import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { throttledView } from './throttled-view';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttled view', () => {
  it('tells listeners at most once per interval, with the latest value', () => {
    const store = createStore<{ n: number; other: number }>(() => ({ n: 0, other: 0 }));
    const view = throttledView(
      store,
      (s) => s.n,
      100,
      () => Date.now(),
    );
    const seen: number[] = [];
    const stop = view.subscribe(() => seen.push(view.get()));
    for (let i = 1; i <= 50; i++) {
      store.setState({ n: i });
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(200);
    // 500 ms of updates every 10 ms: about five notifications, the last with the last value.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.length).toBeLessThanOrEqual(6);
    expect(seen.at(-1)).toBe(50);
    stop();
  });

  it('ignores changes to other parts of the state, and stops on unsubscribe', () => {
    const store = createStore<{ n: number; other: number }>(() => ({ n: 0, other: 0 }));
    const view = throttledView(store, (s) => s.n, 100);
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
    const view = throttledView(store, (s) => s.n, 100);
    store.setState({ n: 7 });
    const stop = view.subscribe(() => {});
    expect(view.get()).toBe(7);
    stop();
  });
});
