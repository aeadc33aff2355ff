import type { WindowingConfig } from './config';
import { fail, ok, type Result } from './result';
import { columnsWithRole, findColumn, type Column, type Table } from './table';
import type { TargetValues } from './task';

/** The columns a model reads and the one it predicts, resolved from roles or windowing. */
export interface Selection {
  features: { name: string; values: Float64Array }[];
  target: TargetValues;
}

const quoteList = (names: readonly string[]): string => names.map((n) => `'${n}'`).join(', ');

function asTarget(c: Column): TargetValues {
  return c.kind === 'numeric'
    ? { name: c.name, values: c.values, categories: null }
    : { name: c.name, values: c.codes, categories: c.categories };
}

function asFeature(c: Column): Result<Selection['features'][number]> {
  if (c.kind === 'numeric') return ok({ name: c.name, values: c.values });
  return fail(
    `Column '${c.name}' holds text, and a feature must be a number; give it the label or ignore role.`,
  );
}

function gather(columns: readonly Column[]): Result<Selection['features']> {
  const out: Selection['features'] = [];
  for (const c of columns) {
    const f = asFeature(c);
    if (!f.ok) return f;
    out.push(f.value);
  }
  return ok(out);
}

/** Table mode: every feature-role column in, exactly one label-role column out. */
export function selectForTable(table: Table): Result<Selection> {
  const labels = columnsWithRole(table, 'label');
  const [label] = labels;
  if (!label) {
    const hint =
      table.kind === 'series' ? ', or turn on windowing to forecast a column from its past' : '';
    return fail(`No column has the label role: choose the column to predict${hint}.`);
  }
  if (labels.length > 1) {
    return fail(
      `Columns ${quoteList(labels.map((c) => c.name))} all have the label role; a model predicts one ` +
        'column, so give the others the feature or ignore role.',
    );
  }
  // An image table's features are its pixels (table.images), not columns.
  if (table.images) return ok({ features: [], target: asTarget(label) });
  const featureCols = columnsWithRole(table, 'feature');
  if (featureCols.length === 0) {
    return fail(
      `No column has the feature role: choose at least one column to predict '${label.name}' from.`,
    );
  }
  const features = gather(featureCols);
  return features.ok ? ok({ features: features.value, target: asTarget(label) }) : features;
}

/**
 * Window mode: the target is the chosen column, else the label column, else the first feature;
 * features are the chosen columns, else the feature-role ones, else the target itself (a
 * univariate forecast, the usual start).
 */
export function selectForWindows(table: Table, w: WindowingConfig): Result<Selection> {
  const missing = (what: string, name: string): Result<Selection> =>
    fail(
      `The ${what} '${name}' is not in the data; the columns are ${quoteList(table.columns.map((c) => c.name))}.`,
    );
  const target = w.targetColumn
    ? findColumn(table, w.targetColumn)
    : (columnsWithRole(table, 'label')[0] ?? columnsWithRole(table, 'feature')[0]);
  if (!target) {
    return w.targetColumn
      ? missing('target column', w.targetColumn)
      : fail('Windowing needs a target: choose the column to predict.');
  }
  let featureCols: Column[];
  if (w.featureColumns.length > 0) {
    featureCols = [];
    for (const name of w.featureColumns) {
      const c = findColumn(table, name);
      if (!c) return missing('feature column', name);
      featureCols.push(c);
    }
  } else {
    featureCols = columnsWithRole(table, 'feature');
    if (featureCols.length === 0) featureCols = [target];
  }
  const features = gather(featureCols);
  return features.ok ? ok({ features: features.value, target: asTarget(target) }) : features;
}

/** Row and column of the first gap left in a column in use (NaN or a missing class). */
export function firstGap(sel: Selection): string | null {
  const cols: { name: string; values: ArrayLike<number>; text: boolean }[] = [
    ...sel.features.map((f) => ({ ...f, text: false })),
    { name: sel.target.name, values: sel.target.values, text: sel.target.categories !== null },
  ];
  for (const c of cols) {
    for (let i = 0; i < c.values.length; i++) {
      const v = c.values[i] as number;
      if (Number.isNaN(v) || (c.text && v < 0)) {
        return `Row ${i + 1} of the data, column '${c.name}', has no value; choose how to handle missing values.`;
      }
    }
  }
  return null;
}
