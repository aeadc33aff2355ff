import { useMemo, useSyncExternalStore } from 'react';
import { useAppStore, type AppState } from '../../store/store';
import { throttledView } from './throttled-view';

/** At most ~10 redraws a second from the store, whatever rate the worker sends at. */
export const CHART_INTERVAL_MS = 100;

/**
 * Like useAppStore(selector), but redraws at a bounded rate. `select` must be stable (a
 * module-level selector or a useCallback) or the view is rebuilt on every render.
 */
export function useThrottledStore<T>(
  select: (s: AppState) => T,
  intervalMs = CHART_INTERVAL_MS,
): T {
  const view = useMemo(() => throttledView(useAppStore, select, intervalMs), [select, intervalMs]);
  return useSyncExternalStore(view.subscribe, view.get);
}
