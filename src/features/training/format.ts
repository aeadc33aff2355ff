import { formatFigure } from '../../core/charts/format';

/** Display helpers for the training panel: pure, unit-tested. */

/**
 * "0.18 s", "4.5 s", "45 s", "3 min 05 s", "1 h 02 min"; "—" when unknown. Short runs keep
 * their fractions: a run of a fifth of a second is not "0 s".
 */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 9950) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

export function formatLoss(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : formatFigure(v);
}

export function formatPercent(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)} %`;
}

export function formatRate(v: number): string {
  if (v >= 1000) return `${Math.round(v / 100) / 10}k`;
  return v >= 10 ? String(Math.round(v)) : v.toFixed(1);
}

/**
 * At most `max` points for a sparkline: the min and max of each bucket, so a spike stays
 * visible however many batches there are.
 */
export function downsample(values: readonly number[], max: number): number[] {
  if (values.length <= max) return [...values];
  const buckets = Math.floor(max / 2);
  const size = values.length / buckets;
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const part = values.slice(Math.floor(b * size), Math.floor((b + 1) * size));
    if (part.length === 0) continue;
    out.push(Math.min(...part), Math.max(...part));
  }
  return out;
}

/** SVG polyline points for values in a width × height box (higher value = higher up). */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const span = hi - lo || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - ((v - lo) / span) * height).toFixed(1)}`)
    .join(' ');
}
