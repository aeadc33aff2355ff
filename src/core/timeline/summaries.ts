import type { LayerProbe } from '../training/probe-types';
import type { Embedding, WeightStats } from './timeline-types';

/** One sentence per view, for screen readers and for anyone who prefers words to pictures. */
const pct = (share: number) => `${Math.round(share * 100)}%`;

export function layerOutputSentence(probe: LayerProbe, epoch: number): string {
  const { stats } = probe;
  const parts = [`layer ${probe.name}: ${pct(stats.zeroShare)} of outputs are zero`];
  if (stats.saturatedShare !== null) parts.push(`${pct(stats.saturatedShare)} saturated`);
  return `${parts.join(', ')} at epoch ${epoch} (mean ${stats.mean.toPrecision(3)}, std ${stats.std.toPrecision(3)}).`;
}

export function weightSentence(w: WeightStats, epoch: number): string {
  const [min, , q25, median, q75, , max] = w.quantiles;
  const grad = w.gradNorm === null ? '' : `; gradient norm ${w.gradNorm.toExponential(2)}`;
  return `${w.layerName} ${w.weight} at epoch ${epoch}: median ${median?.toPrecision(3)}, middle half ${q25?.toPrecision(3)} to ${q75?.toPrecision(3)}, range ${min?.toPrecision(3)} to ${max?.toPrecision(3)}${grad}.`;
}

/**
 * How far apart the classes lie in the projection: the mean distance between class centres over
 * the mean spread within a class. Grows as the model learns to tell the classes apart.
 */
export function classSeparation(points: ArrayLike<number>, labels: readonly number[]): number {
  const centres = new Map<number, { x: number; y: number; n: number }>();
  labels.forEach((label, i) => {
    const c = centres.get(label) ?? { x: 0, y: 0, n: 0 };
    c.x += points[2 * i] as number;
    c.y += points[2 * i + 1] as number;
    c.n++;
    centres.set(label, c);
  });
  for (const c of centres.values()) {
    c.x /= c.n;
    c.y /= c.n;
  }
  let within = 0;
  labels.forEach((label, i) => {
    const c = centres.get(label)!;
    within += Math.hypot((points[2 * i] as number) - c.x, (points[2 * i + 1] as number) - c.y);
  });
  within /= Math.max(1, labels.length);
  const list = [...centres.values()];
  let between = 0;
  let pairs = 0;
  for (let a = 0; a < list.length; a++)
    for (let b = a + 1; b < list.length; b++) {
      between += Math.hypot(list[a]!.x - list[b]!.x, list[a]!.y - list[b]!.y);
      pairs++;
    }
  if (pairs === 0 || within === 0) return 0;
  return between / pairs / within;
}

export function embeddingSentence(
  e: Embedding,
  epoch: number,
  labels: readonly number[] | null,
): string {
  const axes = `the two axes explain ${pct(e.explained[0])} and ${pct(e.explained[1])} of the variance`;
  const sep =
    labels && labels.length * 2 === e.points.length
      ? `; classes lie ${classSeparation(e.points, labels).toFixed(1)} spreads apart`
      : '';
  return `${e.layerName} at epoch ${epoch}: ${e.points.length / 2} validation samples projected to 2-D; ${axes}${sep}.`;
}
