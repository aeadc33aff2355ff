import type { StoreApi } from 'zustand';
import type { TimelineEntry } from '../core/timeline/history';
import type { AppState } from './store';
import type { TimelineDb } from './timeline-db';

/**
 * Keeps each run's timeline with the run in the history: when the recorder keeps a run, its
 * snapshots go to IndexedDB under the saved run's id; when runs leave the history, so do their
 * timelines. A new run sends the scrubber back to live. Returns the unsubscribe function.
 */
export function syncTimelines(
  store: Pick<StoreApi<AppState>, 'subscribe' | 'getState'>,
  db: TimelineDb,
): () => void {
  let last: { runId: number; entries: TimelineEntry[] } | null = null;
  void db.prune(store.getState().runs.map((r) => r.id));
  return store.subscribe((s, prev) => {
    if (s.run.timeline !== prev.run.timeline && s.run.timeline.length > 0) {
      last = { runId: s.run.id, entries: s.run.timeline };
    }
    if (s.run.id !== prev.run.id && s.timelineAt !== null && !s.replay) s.setTimelineAt(null);
    if (s.runs === prev.runs) return;
    const before = new Set(prev.runs.map((r) => r.id));
    for (const run of s.runs) {
      if (before.has(run.id) || !last || run.sourceRunId !== last.runId) continue;
      const entries = last.entries;
      void db.put(run.id, entries).then((fault) => {
        if (fault)
          store
            .getState()
            .setTimelineNotice(
              `The timeline of ${run.name} lasts this visit only: the browser would not store it (${fault}).`,
            );
      });
    }
    if (prev.runs.some((r) => !s.runs.some((n) => n.id === r.id))) {
      void db.prune(s.runs.map((r) => r.id));
    }
  });
}
