import type { SweepValue } from './definition';
import { showValue } from './space';
import { objective, type RunSummary, type SweepRunResult } from './results';

/**
 * What the "who wins" charts draw, from the runs' summaries: for one varied thing the score
 * against its value, for two a grid of cells, for three parallel coordinates. The score is the
 * final metric where there is one, else the objective (lowest validation loss).
 */
export const scoreOf = (s: RunSummary, useMetric: boolean): number | null =>
  useMetric ? s.finalMetric : objective(s);

/** Runs the comparison charts place: not skipped by hand, not left unrun by a stop. */
export const comparable = (rows: readonly RunSummary[]): RunSummary[] =>
  rows.filter((r) => r.outcome !== 'skipped' && r.outcome !== 'not run');

/** Positive values spanning two decades or more read better on a log axis (a learning rate). */
export const logScaled = (lo: number, hi: number): boolean => lo > 0 && hi / lo >= 100;

export const curveKey = (index: number) => `run${index}`;

/**
 * The overlaid curves: one row per epoch with each run's validation loss (its training loss
 * where it has no validation data) under curveKey(index); null past a run's last epoch.
 */
export function curveRows(results: readonly SweepRunResult[]): Record<string, number | null>[] {
  const epochs = Math.max(1, ...results.map((r) => r.epochs.length));
  return Array.from({ length: epochs }, (_, i) => {
    const row: Record<string, number | null> = { epoch: i + 1 };
    for (const r of results) {
      const e = r.epochs[i];
      row[curveKey(r.index)] = e ? (e.valLoss ?? e.loss) : null;
    }
    return row;
  });
}

/** The run indices in drawing order: the selected one last, so it is drawn on top. */
export const curveOrder = (results: readonly SweepRunResult[], selected: number | null) =>
  [...results]
    .sort((a, b) => Number(a.index === selected) - Number(b.index === selected))
    .map((r) => r.index);

export interface ValuePoint {
  index: number;
  /** The value as a number where it is one (drawn on a numeric axis), else its position. */
  x: number;
  label: string;
  score: number;
}

const numeric = (vs: readonly SweepValue[]) => vs.every((v) => typeof v === 'number');

/** Distinct values of one varied thing, sorted when numeric, else in first-seen order. */
export function axisValues(summaries: readonly RunSummary[], k: number): SweepValue[] {
  const vs = [...new Set(summaries.map((s) => s.values[k] as SweepValue))];
  return numeric(vs) ? (vs as number[]).sort((a, b) => a - b) : vs;
}

/** How the score-against-value chart draws its x axis: numbers (log or linear), or categories. */
export function valueAxis(points: readonly ValuePoint[], numericValues: boolean) {
  const xs = points.map((p) => p.x);
  const log = numericValues && xs.length > 1 && logScaled(Math.min(...xs), Math.max(...xs));
  return { numeric: numericValues, log };
}

export function valuePoints(summaries: readonly RunSummary[], useMetric: boolean): ValuePoint[] {
  const axis = axisValues(summaries, 0);
  const isNum = numeric(axis);
  return summaries.flatMap((s) => {
    const score = scoreOf(s, useMetric);
    const v = s.values[0] as SweepValue;
    if (score === null) return [];
    return [
      { index: s.index, x: isNum ? (v as number) : axis.indexOf(v), label: showValue(v), score },
    ];
  });
}

export interface HeatCell {
  col: number;
  row: number;
  /** Run index, null for a combination with no finished run. */
  index: number | null;
  score: number | null;
}

export function heatmap(summaries: readonly RunSummary[], useMetric: boolean) {
  const cols = axisValues(summaries, 0);
  const rows = axisValues(summaries, 1);
  const cells: HeatCell[] = [];
  rows.forEach((rv, row) =>
    cols.forEach((cv, col) => {
      const s = summaries.find((x) => x.values[0] === cv && x.values[1] === rv);
      cells.push({ col, row, index: s?.index ?? null, score: s ? scoreOf(s, useMetric) : null });
    }),
  );
  const scores = cells.map((c) => c.score).filter((x): x is number => x !== null);
  return {
    cols: cols.map(showValue),
    rows: rows.map(showValue),
    cells,
    min: scores.length ? Math.min(...scores) : 0,
    max: scores.length ? Math.max(...scores) : 0,
  };
}

/** Each run as a line across the axes (one per varied thing, then the score), each in 0..1. */
export function parallelLines(summaries: readonly RunSummary[], useMetric: boolean) {
  const n = summaries[0]?.values.length ?? 0;
  const axes = Array.from({ length: n }, (_, k) => axisValues(summaries, k));
  const pos = (k: number, v: SweepValue) => {
    const axis = axes[k] as SweepValue[];
    if (axis.length <= 1) return 0.5;
    if (numeric(axis)) {
      const lo = axis[0] as number;
      const hi = axis.at(-1) as number;
      const log = logScaled(lo, hi);
      const f = (x: number) => (log ? Math.log(x) : x);
      return (f(v as number) - f(lo)) / (f(hi) - f(lo));
    }
    return axis.indexOf(v) / (axis.length - 1);
  };
  const scored = summaries.filter((s) => scoreOf(s, useMetric) !== null);
  const scores = scored.map((s) => scoreOf(s, useMetric) as number);
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  return {
    axes: axes.map((a) => a.map(showValue)),
    scoreRange: [lo, hi] as const,
    lines: scored.map((s) => ({
      index: s.index,
      ys: [
        ...s.values.map((v, k) => pos(k, v)),
        hi > lo ? ((scoreOf(s, useMetric) as number) - lo) / (hi - lo) : 0.5,
      ],
    })),
  };
}
