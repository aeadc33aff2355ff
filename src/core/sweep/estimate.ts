import type { PlannedRun } from './expand';

/**
 * The sweep's expected training time from a measured speed (samples per second on this model
 * and backend): each run trains epochs × trainCount samples. Early stopping can only shorten it.
 */
export function estimateSweepMs(
  runs: readonly Pick<PlannedRun, 'settings'>[],
  trainCount: number,
  samplesPerSec: number,
): number | null {
  if (!(samplesPerSec > 0) || trainCount <= 0) return null;
  const samples = runs.reduce((n, r) => n + r.settings.epochs * trainCount, 0);
  return (samples / samplesPerSec) * 1000;
}

/** Time left: the runs not yet done at the pace the sweep has kept so far (ms per sample). */
export function sweepEtaMs(
  left: readonly Pick<PlannedRun, 'settings'>[],
  trainCount: number,
  msPerSample: number | null,
): number | null {
  if (msPerSample === null || !(msPerSample > 0)) return null;
  return left.reduce((n, r) => n + r.settings.epochs * trainCount, 0) * msPerSample;
}

/** "about 2 min 30 s" */
export function formatDuration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
