import type { ProbeSnapshot } from '../training/probe-types';
import type { TimelineSnapshot } from './timeline-types';
import { snapshotBytes, thinEvenly, TIMELINE_BUDGET_BYTES } from './thinning';

/** What the timeline holds for one epoch's end (epoch 0: the untrained model). */
export interface TimelineEntry {
  epoch: number;
  probe: ProbeSnapshot;
  timeline: TimelineSnapshot;
  bytes: number;
}

export const timelineBytes = (entries: readonly TimelineEntry[]) =>
  entries.reduce((sum, e) => sum + e.bytes, 0);

/**
 * Adds an epoch's snapshot (replacing one of the same epoch) and, past the budget, thins the
 * history evenly, keeping the first and the newest.
 */
export function addToTimeline(
  entries: readonly TimelineEntry[],
  epoch: number,
  probe: ProbeSnapshot,
  timeline: TimelineSnapshot,
  budget = TIMELINE_BUDGET_BYTES,
): TimelineEntry[] {
  const entry = { epoch, probe, timeline, bytes: snapshotBytes({ probe, timeline }) };
  const next = entries.filter((e) => e.epoch !== epoch).concat(entry);
  next.sort((a, b) => a.epoch - b.epoch);
  const total = timelineBytes(next);
  if (total <= budget || next.length <= 2) return next;
  const keep = Math.max(2, Math.floor((next.length * budget) / total));
  return thinEvenly(next.length, keep).map((i) => next[i]!);
}

/** The entry at or just before `epoch` (scrubbing lands on the nearest recorded epoch). */
export function entryAt(entries: readonly TimelineEntry[], epoch: number): TimelineEntry | null {
  let found: TimelineEntry | null = null;
  for (const e of entries) if (e.epoch <= epoch) found = e;
  return found ?? entries[0] ?? null;
}
