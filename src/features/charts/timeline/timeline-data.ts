import type { GradientPoint } from '../../../core/timeline/gradient-health';
import type { TimelineEntry } from '../../../core/timeline/history';
import type { WeightStats } from '../../../core/timeline/timeline-types';

/** Pure reshaping of the recorded snapshots into what each timeline view draws. */

/** "layerIndex/weight": one weight tensor across epochs. */
export const weightKey = (w: Pick<WeightStats, 'layerIndex' | 'weight'>) =>
  `${w.layerIndex}/${w.weight}`;

export interface WeightChoice {
  key: string;
  label: string;
}

/** Every weight tensor the latest snapshot has, in layer order. */
export function weightChoices(entries: readonly TimelineEntry[]): WeightChoice[] {
  const last = entries.at(-1);
  return (last?.timeline.weights ?? []).map((w) => ({
    key: weightKey(w),
    label: `${w.layerName} · ${w.weight} ${w.shape.join('×')}`,
  }));
}

export interface QuantileRow {
  epoch: number;
  /** At WEIGHT_QUANTILES. */
  q: number[];
}

export function quantileSeries(entries: readonly TimelineEntry[], key: string): QuantileRow[] {
  return entries.flatMap((e) => {
    const w = e.timeline.weights.find((x) => weightKey(x) === key);
    return w ? [{ epoch: e.epoch, q: w.quantiles }] : [];
  });
}

/** Per epoch: the global norm and each layer's (its weights' norms combined). */
export function gradientHistory(entries: readonly TimelineEntry[]): GradientPoint[] {
  return entries
    .filter((e) => e.epoch > 0 || e.timeline.globalGradNorm !== null)
    .map((e) => {
      const byLayer = new Map<number, { name: string; sq: number; any: boolean }>();
      for (const w of e.timeline.weights) {
        const l = byLayer.get(w.layerIndex) ?? { name: w.layerName, sq: 0, any: false };
        if (w.gradNorm !== null) {
          l.sq += w.gradNorm * w.gradNorm;
          l.any = true;
        }
        byLayer.set(w.layerIndex, l);
      }
      return {
        epoch: e.epoch,
        global: e.timeline.globalGradNorm,
        layers: [...byLayer.entries()]
          .sort(([a], [b]) => a - b)
          .filter(([, l]) => l.any)
          .map(([, l]) => ({ name: l.name, norm: Math.sqrt(l.sq) })),
      };
    });
}

/** A Dense kernel [in, out], a Conv filter bank [..., in, out] as pictures: rows × cols each. */
export interface Picture {
  label: string;
  rows: number;
  cols: number;
  values: number[];
}

export function weightPictures(w: WeightStats, maxFilters = 16): Picture[] {
  if (!w.values) return [];
  const s = w.shape;
  if (w.weight !== 'kernel') return [];
  if (s.length === 2) {
    return [
      {
        label: `${w.layerName} kernel, ${s[0]} inputs × ${s[1]} units`,
        rows: s[0]!,
        cols: s[1]!,
        values: w.values,
      },
    ];
  }
  // Conv kernels are [kh, kw, in, out] (2-D) or [k, in, out] (1-D): one picture per output
  // filter, its first input channel (what a first layer's filter looks at).
  const out = s.at(-1)!;
  const inCh = s.at(-2)!;
  const rows = s.length === 4 ? s[0]! : 1;
  const cols = s.length === 4 ? s[1]! : s[0]!;
  const pictures: Picture[] = [];
  for (let f = 0; f < Math.min(out, maxFilters); f++) {
    const values: number[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) values.push(w.values[((r * cols + c) * inCh + 0) * out + f]!);
    pictures.push({ label: `${w.layerName} filter ${f + 1}`, rows, cols, values });
  }
  return pictures;
}

/** One gate's saturated share (both ends together) over the epochs; null where it has no ends. */
export interface GateLine {
  gate: string;
  points: { epoch: number; share: number }[];
}

export function gateLines(entries: readonly TimelineEntry[], layerIndex: number): GateLine[] {
  const lines = new Map<string, GateLine>();
  for (const e of entries) {
    const layer = e.timeline.gates?.find((g) => g.layerIndex === layerIndex);
    for (const g of layer?.gates ?? []) {
      if (g.low === null || g.high === null) continue;
      const line = lines.get(g.gate) ?? { gate: g.gate, points: [] };
      line.points.push({ epoch: e.epoch, share: g.low + g.high });
      lines.set(g.gate, line);
    }
  }
  return [...lines.values()];
}
