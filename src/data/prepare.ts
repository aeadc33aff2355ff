import type { DatasetConfig, PrepareConfig } from './config';
import { gatherImages } from './images';
import { fitNormalisation, scaleColumns, trainingRows, type Normalisation } from './normalise';
import { fail, formatCount, ok, plural, type Result } from './result';
import { tableLayout, windowLayout, type SampleLayout } from './samples';
import { firstGap, selectForTable, selectForWindows, type Selection } from './select';
import type { Table } from './table';
import { chooseTask, encodeTargets, suggestOutput, type SuggestedOutput, type Task } from './task';
import { gatherRows, type WindowSpec } from './windowing';

export interface PreparedData {
  /** [N, ...featureShape], e.g. [N, 2], [N, T, F] or [N, 8, 8, 1]; row-major. */
  x: Float32Array;
  xShape: number[];
  /** [N, 1] for regression, binary and sparse labels; [N, k] one-hot. */
  y: Float32Array;
  yShape: number[];
  task: Task;
  /** 1 for regression. */
  numClasses: number;
  /** [] for regression. */
  classNames: string[];
  /** Samples [0, trainCount) train, the rest validation. */
  trainCount: number;
  splitMode: 'random' | 'chronological';
  featureNames: string[];
  targetName: string;
  /** Fitted on training samples only; x is already normalised with it. */
  normalisation: Normalisation;
  /** Regression targets are scaled the same way (so losses stay near 1); identity otherwise. */
  targetNormalisation: { offset: number; scale: number };
  suggestedOutput: SuggestedOutput;
  /** Table row of each sample, or the first row of its window (for plots against time). */
  sourceRows: Int32Array;
  description: string;
  warnings: string[];
}

type Prep = PrepareConfig;

export function windowSpecOf(prep: Prep): WindowSpec {
  const { length, stride, horizon, mode } = prep.windowing;
  return { length, stride, horizon, mode };
}

/** auto: chronological whenever order carries meaning (series, windows, a time column). */
function splitModeOf(table: Table, prep: Prep): 'random' | 'chronological' {
  if (prep.splitMode !== 'auto') return prep.splitMode;
  const timed = Object.values(table.roles).includes('time');
  return prep.windowing.enabled || table.kind === 'series' || timed ? 'chronological' : 'random';
}

/** Builds model-ready tensors (as flat arrays + shapes) from a table and the preparation settings. */
export function prepareDataset(table: Table, config: DatasetConfig | Prep): Result<PreparedData> {
  const prep = 'prepare' in config ? config.prepare : config;
  if (table.rowCount === 0) return fail('The data has no rows.');
  const windowed = prep.windowing.enabled;
  if (windowed && table.images) {
    return fail('Images cannot be cut into windows of time steps; turn windowing off.');
  }
  const sel = windowed ? selectForWindows(table, prep.windowing) : selectForTable(table);
  if (!sel.ok) return sel;
  const gap = firstGap(sel.value);
  if (gap) return fail(gap);
  const mode = splitModeOf(table, prep);
  const layout = windowed
    ? windowLayout(sel.value, table.rowCount, windowSpecOf(prep), mode, prep)
    : tableLayout(sel.value, table.rowCount, mode, prep);
  if (!layout.ok) return layout;
  return finish(table, sel.value, layout.value, prep);
}

function finish(table: Table, sel: Selection, s: SampleLayout, prep: Prep): Result<PreparedData> {
  const w = prep.windowing;
  const forecasting = w.enabled && w.mode === 'forecast';
  const choice = chooseTask({ ...sel.target, values: s.targets }, prep.task, forecasting);
  if (!choice.ok) return choice;
  const { task, classNames } = choice.value;
  const n = s.targets.length;
  const f = sel.features.length;
  const ahead = forecasting ? w.horizon : 0;
  const use = trainingRows(table.rowCount, s.sourceRows, s.trainCount, s.span, ahead);
  const columns = sel.features.map((c) => c.values);
  // Image pixels are already 0–1 and go in as they are (Keras rescales images in the model).
  const images = table.images;
  const normalisation = fitNormalisation(images ? 'none' : prep.normalisation, columns, use);
  const x = images
    ? gatherImages(images, s.sourceRows)
    : gatherRows(scaleColumns(columns, normalisation), s.sourceRows, s.span);

  let targetNormalisation = { offset: 0, scale: 1 };
  let raw: Float64Array = s.targets;
  if (task === 'regression') {
    targetNormalisation = scaleTarget(sel, s, normalisation, prep);
    raw = s.targets.map((v) => (v - targetNormalisation.offset) / targetNormalisation.scale);
  }
  const { y, yShape } = encodeTargets(raw, choice.value, prep.labelEncoding);
  const numClasses = task === 'regression' ? 1 : classNames.length;
  // Image-like tables keep their sample shape, as long as the features are exactly its pixels.
  const image = table.sampleShape;
  const keepsImage =
    image !== undefined && (images !== undefined || image.reduce((a, b) => a * b, 1) === f);
  const featureShape = w.enabled ? [w.length, f] : keepsImage ? image : [f];
  const prepared: PreparedData = {
    x,
    xShape: [n, ...featureShape],
    y,
    yShape,
    task,
    numClasses,
    classNames: task === 'regression' ? [] : classNames,
    trainCount: s.trainCount,
    splitMode: s.splitMode,
    featureNames: sel.features.map((c) => c.name),
    targetName: sel.target.name,
    normalisation,
    targetNormalisation,
    suggestedOutput: suggestOutput(task, numClasses, prep.labelEncoding),
    sourceRows: s.sourceRows,
    description: '',
    warnings:
      images && prep.normalisation !== 'none'
        ? [
            ...s.warnings,
            'Images go in as pixel values 0–1; the normalisation setting applies to tables.',
          ]
        : s.warnings,
  };
  return ok({ ...prepared, description: describePrepared(prepared, prep) });
}

/**
 * A target that is also an input (forecasting a column from its past) shares that column's
 * scaling, so inputs and predictions are in the same units; otherwise it gets its own, fitted
 * on the training targets.
 */
function scaleTarget(sel: Selection, s: SampleLayout, norm: Normalisation, prep: Prep) {
  const j = sel.features.findIndex((c) => c.name === sel.target.name);
  if (j >= 0) return { offset: norm.offset[j] ?? 0, scale: norm.scale[j] ?? 1 };
  const use = new Uint8Array(s.targets.length).fill(1, 0, s.trainCount);
  const fit = fitNormalisation(prep.normalisation, [s.targets], use);
  return { offset: fit.offset[0] ?? 0, scale: fit.scale[0] ?? 1 };
}

/** e.g. "1 000 windows of 32 steps × 1 feature → next 'value' (regression); 800 train / 200 validation, chronological split." */
export function describePrepared(p: PreparedData, prep: Prep): string {
  const [n = 0, ...rest] = p.xShape;
  const target = `'${p.targetName}'`;
  let what: string;
  if (prep.windowing.enabled) {
    const [t = 0, f = 0] = rest;
    const h = prep.windowing.horizon;
    const aim =
      prep.windowing.mode === 'classify'
        ? `${target} at the last step`
        : h === 1
          ? `next ${target}`
          : `${target} ${plural(h, 'step')} ahead`;
    what = `${plural(n, 'window')} of ${plural(t, 'step')} × ${plural(f, 'feature')} → ${aim}`;
  } else if (rest.length > 1) {
    what = `${plural(n, 'sample')} of ${rest.join('×')} → ${target}`;
  } else {
    what = `${plural(n, 'row')} × ${plural(rest[0] ?? 0, 'feature')} → ${target}`;
  }
  const task =
    p.task === 'regression'
      ? 'regression'
      : `${p.task}, ${plural(p.numClasses, 'class', 'classes')}`;
  const valid = n - p.trainCount;
  const split =
    valid === 0
      ? `all ${formatCount(n)} for training, no validation`
      : `${formatCount(p.trainCount)} train / ${formatCount(valid)} validation, ${p.splitMode} split`;
  return `${what} (${task}); ${split}.`;
}
