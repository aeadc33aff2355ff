import type { RedrawClock } from './redraw-clock';

/**
 * A throttled view of a store slice: listeners hear about a change at most once per tick of
 * `clock`, and then see the latest value. Charts read the training slice through this, so
 * a burst of worker events costs one redraw, not one per event. No React here: the hook in
 * useThrottledStore.ts wraps it, and the tests drive it with fake timers.
 */
export interface StoreLike<S> {
  getState(): S;
  subscribe(listener: (state: S, prev: S) => void): () => void;
}

export interface ThrottledView<T> {
  subscribe(notify: () => void): () => void;
  get(): T;
}

/**
 * `minGapMs`: listeners hear at most once per this many milliseconds (still on a tick of
 * `clock`, so in the same frame as the other charts): for views whose data comes in bursts
 * faster than anyone reads them, such as one point per epoch when epochs take 0.2 s.
 */
export function throttledView<S, T>(
  store: StoreLike<S>,
  select: (s: S) => T,
  clock: RedrawClock,
  minGapMs = 0,
): ThrottledView<T> {
  let value = select(store.getState());
  return {
    get: () => value,
    subscribe(notify) {
      let last = -Infinity;
      let wait: ReturnType<typeof setTimeout> | null = null;
      const flush = () => {
        const next = select(store.getState());
        if (Object.is(next, value)) return;
        const early = last + minGapMs - Date.now();
        if (early > 0) {
          // Back on the clock once the gap is over: the latest value, in a tick.
          wait ??= setTimeout(() => {
            wait = null;
            clock.schedule(flush);
          }, early);
          return;
        }
        last = Date.now();
        value = next;
        notify();
      };
      const unsubscribe = store.subscribe((s, prev) => {
        if (!Object.is(select(s), select(prev))) clock.schedule(flush);
      });
      // Whatever changed before this subscription started is picked up straight away.
      flush();
      return () => {
        unsubscribe();
        clock.cancel(flush);
        if (wait !== null) clearTimeout(wait);
      };
    },
  };
}
