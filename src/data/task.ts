import type { PrepareConfig } from './config';
import { fail, formatCount, ok, type Result } from './result';

export type Task = 'regression' | 'binary' | 'multiclass';
export type Loss =
  'mse' | 'binary_crossentropy' | 'categorical_crossentropy' | 'sparse_categorical_crossentropy';

export interface SuggestedOutput {
  units: number;
  activation: 'linear' | 'sigmoid' | 'softmax';
  loss: Loss;
}

/** More classes than this is almost surely a numeric column meant for regression. */
export const MAX_CLASSES = 50;

/** The values to predict: numbers, or codes into `categories` for a text column. */
export interface TargetValues {
  name: string;
  values: ArrayLike<number>;
  categories: readonly string[] | null;
}

export interface TaskChoice {
  task: Task;
  classNames: string[];
  /** Value (or text code) → class index; identity for regression. */
  classOf: (v: number) => number;
}

function distinct(values: ArrayLike<number>, cap: number): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < values.length && seen.size <= cap; i++) seen.add(values[i] as number);
  return [...seen].sort((a, b) => a - b);
}

/**
 * auto: 2 distinct values → binary; 3–50 text or whole-number values → multiclass; otherwise
 * regression. `quantity` (forecasting a number) makes auto pick regression for any numbers:
 * tomorrow's count of births is a quantity even when it is a whole number.
 * An override is honoured when the values allow it, else the reason says why not.
 */
export function chooseTask(
  target: TargetValues,
  wanted: PrepareConfig['task'],
  quantity = false,
): Result<TaskChoice> {
  const { name, categories } = target;
  const values = distinct(target.values, MAX_CLASSES);
  const k = values.length;
  const many = k > MAX_CLASSES ? `more than ${MAX_CLASSES}` : formatCount(k);
  const names = categories
    ? values.map((v) => categories[v] ?? String(v))
    : values.map((v) => String(v));
  const index = new Map(values.map((v, i) => [v, i]));
  const classes = (task: Task): Result<TaskChoice> =>
    ok({ task, classNames: names, classOf: (v) => index.get(v) ?? -1 });
  const regression = (): Result<TaskChoice> =>
    ok({ task: 'regression', classNames: [], classOf: (v) => v });

  if (wanted === 'regression') {
    if (!categories) return regression();
    return fail(
      `Column '${name}' holds text (such as '${names[0]}'), which cannot be predicted as a number; choose binary or multiclass.`,
    );
  }
  if (wanted === 'binary') {
    if (k === 2) return classes('binary');
    return fail(
      `Column '${name}' has ${many} different values; binary classification needs exactly 2.`,
    );
  }
  if (wanted === 'multiclass') {
    if (k >= 2 && k <= MAX_CLASSES) return classes('multiclass');
    return fail(
      `Column '${name}' has ${many} different value${k === 1 ? '' : 's'}; multiclass needs 2 to ${MAX_CLASSES} classes.`,
    );
  }
  if (quantity && !categories) return regression();
  if (k === 2) return classes('binary');
  if (categories) {
    if (k >= 3 && k <= MAX_CLASSES) return classes('multiclass');
    return fail(
      k < 2
        ? `Column '${name}' has only one value ('${names[0] ?? ''}'); a label needs at least two classes.`
        : `Column '${name}' has ${many} different text values; a label can have at most ${MAX_CLASSES} classes.`,
    );
  }
  if (k >= 3 && k <= MAX_CLASSES && values.every(Number.isInteger)) return classes('multiclass');
  return regression();
}

export function suggestOutput(
  task: Task,
  numClasses: number,
  encoding: PrepareConfig['labelEncoding'],
): SuggestedOutput {
  switch (task) {
    case 'regression':
      return { units: 1, activation: 'linear', loss: 'mse' };
    case 'binary':
      return { units: 1, activation: 'sigmoid', loss: 'binary_crossentropy' };
    case 'multiclass':
      return encoding === 'one-hot'
        ? { units: numClasses, activation: 'softmax', loss: 'categorical_crossentropy' }
        : { units: numClasses, activation: 'softmax', loss: 'sparse_categorical_crossentropy' };
  }
}

/** y as the loss expects it: [N, k] one-hot for categorical cross-entropy, else [N, 1]. */
export function encodeTargets(
  raw: ArrayLike<number>,
  choice: TaskChoice,
  encoding: PrepareConfig['labelEncoding'],
): { y: Float32Array; yShape: number[] } {
  const n = raw.length;
  const k = choice.classNames.length;
  if (choice.task === 'multiclass' && encoding === 'one-hot') {
    const y = new Float32Array(n * k);
    for (let i = 0; i < n; i++) y[i * k + choice.classOf(raw[i] as number)] = 1;
    return { y, yShape: [n, k] };
  }
  const y = Float32Array.from({ length: n }, (_, i) => choice.classOf(raw[i] as number));
  return { y, yShape: [n, 1] };
}
