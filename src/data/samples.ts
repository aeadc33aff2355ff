import type { PrepareConfig } from './config';
import { permutation } from './random';
import { fail, formatCount, ok, plural, type Result } from './result';
import type { Selection } from './select';
import {
  checkWindowing,
  MAX_WINDOW_VALUES,
  targetOffset,
  tooManyValues,
  windowAt,
  windowCount,
  type WindowSpec,
} from './windowing';

/**
 * Which rows make each sample, laid out train-first: samples [0, trainCount) train, the rest
 * validation. The values themselves are gathered later, after scaling (see prepare.ts).
 */
export interface SampleLayout {
  /** Table row of each sample, or the first row of its window. */
  sourceRows: Int32Array;
  /** Rows per sample: 1 for tables, the window length for windows. */
  span: number;
  /** Raw target per sample: a number, or a class code for a text column. */
  targets: Float64Array;
  trainCount: number;
  splitMode: 'random' | 'chronological';
  warnings: string[];
}

const percent = (v: number): string => `${Math.round(v * 100)} %`;

/** How many samples to hold out: at least one whenever a split is asked for. */
function holdOut(n: number, split: number): Result<number> {
  const val = split > 0 ? Math.max(1, Math.round(n * split)) : 0;
  if (n - val >= 1) return ok(val);
  return fail(
    `There ${n === 1 ? 'is' : 'are'} only ${plural(n, 'sample')}, too few to hold ${percent(split)} out for validation; lower the validation split or add data.`,
  );
}

function targetsAt(sel: Selection, rows: ArrayLike<number>, offset: number): Float64Array {
  // A plain loop, not Float64Array.from with a map function (far slower on large tables).
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    out[k] = sel.target.values[(rows[k] as number) + offset] as number;
  }
  return out;
}

/** Random: a seeded shuffle of the rows. Chronological: the rows in file order. */
export function tableLayout(
  sel: Selection,
  rows: number,
  mode: 'random' | 'chronological',
  prep: PrepareConfig,
): Result<SampleLayout> {
  const val = holdOut(rows, prep.validationSplit);
  if (!val.ok) return val;
  const sourceRows =
    mode === 'random'
      ? permutation(rows, prep.seed)
      : Int32Array.from({ length: rows }, (_, i) => i);
  const targets = targetsAt(sel, sourceRows, 0);
  return ok({
    sourceRows,
    span: 1,
    targets,
    trainCount: rows - val.value,
    splitMode: mode,
    warnings: [],
  });
}

function starts(count: number, spec: WindowSpec, from: number): number[] {
  return Array.from({ length: count }, (_, k) => windowAt(k, spec, from).start);
}

/**
 * Chronological: the rows are cut first (the last `validationSplit` of them are validation) and
 * each part is windowed on its own, so no validation row ever appears in a training window or
 * target. Random: windows are cut from the whole series and shuffled, which lets neighbours
 * overlap across the split; the warning says so.
 */
export function windowLayout(
  sel: Selection,
  rows: number,
  spec: WindowSpec,
  mode: 'random' | 'chronological',
  prep: PrepareConfig,
): Result<SampleLayout> {
  const values = windowCount(rows, spec) * spec.length * sel.features.length;
  if (values > MAX_WINDOW_VALUES) return fail(tooManyValues(values));
  const offset = spec.length - 1 + targetOffset(spec);
  const layout = (list: number[], trainCount: number, warnings: string[]): Result<SampleLayout> => {
    const sourceRows = Int32Array.from(list);
    const targets = targetsAt(sel, sourceRows, offset);
    return ok({ sourceRows, span: spec.length, targets, trainCount, splitMode: mode, warnings });
  };
  if (mode === 'random') {
    const all = checkWindowing(rows, spec);
    if (!all.ok) return all;
    const val = holdOut(all.value, prep.validationSplit);
    if (!val.ok) return val;
    const ordered = starts(all.value, spec, 0);
    const shuffled = [...permutation(all.value, prep.seed)].map((k) => ordered[k] as number);
    const overlap = spec.stride <= offset && val.value > 0;
    const warning =
      'A random split of overlapping windows puts neighbouring windows on both sides, so validation scores look better than they will on later data; a chronological split avoids that.';
    return layout(shuffled, all.value - val.value, overlap ? [warning] : []);
  }
  const split = prep.validationSplit;
  const cut = rows - (split > 0 ? Math.max(1, Math.round(rows * split)) : 0);
  const train = checkWindowing(cut, spec, {
    what: split > 0 ? `the training part (the first ${percent(1 - split)} of rows)` : 'the series',
  });
  if (!train.ok) return train;
  const valid =
    cut === rows
      ? ok(0)
      : checkWindowing(rows - cut, spec, {
          what: `the validation part (the last ${percent(split)} of rows, ${formatCount(rows - cut)})`,
          fix: 'shorten the window or the horizon, or raise the validation split',
        });
  if (!valid.ok) return valid;
  return layout(
    [...starts(train.value, spec, 0), ...starts(valid.value, spec, cut)],
    train.value,
    [],
  );
}
