import { startTransition, useContext, useEffect, useMemo, useState } from 'react';
import { ChartsOnScreen } from './charts-on-screen';
import { useAppStore, type AppState } from './store';
import { pageClock } from './redraw-clock';
import { throttledView } from './throttled-view';

/**
 * Shared by every live chart, so they redraw together: one render and one frame a tick, at most
 * 12.5 a second (REDRAW_INTERVAL_MS), whatever rate the worker sends at.
 */
const clock = pageClock;

/**
 * Like useAppStore(selector), but redraws at a bounded rate, and as a transition: React renders
 * a chart in slices between which clicks and typing get through, instead of one long task (a
 * recharts redraw takes tens of milliseconds on a slow machine). useSyncExternalStore would
 * force every redraw to render in one piece. `select` must be stable (a module-level selector
 * or a useCallback) or the view is rebuilt on every render. Off screen (ChartsOnScreen false) it
 * keeps the last value it drew and listens to nothing; back on screen it draws the latest at once.
 * `minGapMs`: at most one redraw per this many milliseconds (see throttledView).
 */
export function useThrottledStore<T>(select: (s: AppState) => T, minGapMs = 0): T {
  const view = useMemo(
    () => throttledView(useAppStore, select, clock, minGapMs),
    [select, minGapMs],
  );
  const onScreen = useContext(ChartsOnScreen);
  const [shown, setShown] = useState(() => ({ view, value: view.get() }));
  useEffect(() => {
    if (!onScreen) return;
    return view.subscribe(() => {
      const value = view.get();
      startTransition(() => setShown({ view, value }));
    });
  }, [view, onScreen]);
  // A new selector shows its own value at once rather than the old one's for a render.
  return shown.view === view ? shown.value : view.get();
}
