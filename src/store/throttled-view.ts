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

export function throttledView<S, T>(
  store: StoreLike<S>,
  select: (s: S) => T,
  clock: RedrawClock,
): ThrottledView<T> {
  let value = select(store.getState());
  return {
    get: () => value,
    subscribe(notify) {
      const flush = () => {
        const next = select(store.getState());
        if (Object.is(next, value)) return;
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
      };
    },
  };
}
