import type { XY } from '../../core/charts/lttb';
import {
  epochPoints,
  mergeSeries,
  pointColumns,
  pointsToDraw,
  type Columns,
  type EpochLike,
  type Row,
  type Series,
} from '../../core/charts/series';
import type { LineDef } from './LineFigure';
import { CURRENT_TRAIN, CURRENT_VAL, RAW_STREAM } from '../../core/charts/chart-theme';

/**
 * Pure: the rows and line definitions of the loss and metric charts, for the run on screen
 * and the earlier runs overlaid on it. No React, so it is tested directly.
 */
export interface CurveSource {
  /** 'cur' for the run on screen, the saved run's id otherwise. */
  key: string;
  label: string;
  colour: string;
  current: boolean;
  epochs: readonly EpochLike[];
  batches: Columns | readonly XY[];
}

export interface ChartData {
  rows: Row[];
  lines: LineDef[];
}

export interface ViewOptions {
  smoothing: number;
  logScale: boolean;
}

/** Points per current series: LTTB keeps the shape at about one point per 2 pixels, and a
 * redraw costs recharts about the same however long the run. */
export const MAX_DRAWN = 250;
/** Earlier runs need less detail: they are the backdrop. */
export const MAX_DRAWN_OVERLAY = 200;

export const QUANTITY_LABELS: Record<string, string> = {
  loss: 'Loss',
  accuracy: 'Accuracy',
  mae: 'Mean absolute error',
};

/**
 * Train and validation values of a quantity per epoch. Epoch values are already averages over
 * an epoch, so they are drawn as they are; only the per-batch stream is smoothed.
 */
export function epochChart(
  sources: readonly CurveSource[],
  quantity: string,
  logScale: boolean,
): ChartData {
  const series: Series[] = [];
  const lines: LineDef[] = [];
  const keep = (pts: XY[]) => (logScale ? pts.filter((p) => p.y > 0) : pts);
  for (const s of sources) {
    const train = keep(epochPoints(s.epochs, quantity, false));
    const val = keep(epochPoints(s.epochs, quantity, true));
    const dots = train.length <= 60;
    if (train.length > 0) {
      series.push({ key: `${s.key}:train`, points: train });
      lines.push({
        key: `${s.key}:train`,
        name: s.current ? 'Train' : `${s.label} train`,
        colour: s.current ? CURRENT_TRAIN : s.colour,
        dots: dots && s.current,
      });
    }
    if (val.length > 0) {
      series.push({ key: `${s.key}:val`, points: val });
      lines.push({
        key: `${s.key}:val`,
        name: s.current ? 'Validation' : `${s.label} validation`,
        colour: s.current ? CURRENT_VAL : s.colour,
        dashed: !s.current,
        dots: dots && s.current,
      });
    }
  }
  return { rows: mergeSeries(series), lines };
}

/** The per-batch loss: smoothed (and the raw values faintly behind it) for the current run. */
export function batchChart(sources: readonly CurveSource[], view: ViewOptions): ChartData {
  const series: Series[] = [];
  const lines: LineDef[] = [];
  for (const s of sources) {
    const cols = 'xs' in s.batches ? s.batches : pointColumns(s.batches);
    if (cols.xs.length === 0) continue;
    const maxPoints = s.current ? MAX_DRAWN : MAX_DRAWN_OVERLAY;
    const opts = { smoothing: view.smoothing, logScale: view.logScale, maxPoints };
    if (s.current && view.smoothing > 0) {
      series.push({ key: 'cur:raw', points: pointsToDraw(cols, { ...opts, smoothing: 0 }) });
      lines.push({ key: 'cur:raw', name: 'Batch loss (raw)', colour: RAW_STREAM, faint: true });
    }
    series.push({ key: `${s.key}:batch`, points: pointsToDraw(cols, opts) });
    lines.push({
      key: `${s.key}:batch`,
      name: s.current ? 'Batch loss' : s.label,
      colour: s.current ? CURRENT_TRAIN : s.colour,
      dashed: !s.current,
    });
  }
  return { rows: mergeSeries(series), lines };
}

/** The metrics (besides loss) that any shown run recorded, in a stable order. */
export function metricsIn(sources: readonly CurveSource[]): string[] {
  const found = new Set<string>();
  for (const s of sources) {
    for (const e of s.epochs) {
      for (const [k, v] of Object.entries(e.metrics)) if (v !== undefined) found.add(k);
    }
  }
  return [...found].sort();
}
