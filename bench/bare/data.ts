import { loadTable, parseDatasetConfig, prepareDataset } from '../../src/data/index';
import type { TrainingData } from '../../src/core/training/training-data';
import type { DatasetRecipe } from './protocol';

export interface Checksum {
  xShape: number[];
  xSum: number;
  ySum: number;
}

/** Sums in float64, so the app's arrays and these can be compared for equality. */
export function checksum(d: Pick<TrainingData, 'x' | 'y' | 'xShape'>): Checksum {
  let xSum = 0;
  let ySum = 0;
  for (const v of d.x) xSum += v;
  for (const v of d.y) ySum += v;
  return { xShape: [...d.xShape], xSum, ySum };
}

/** The same pure pipeline the app's data worker runs, from the same configuration. */
export function prepareRecipe(recipe: DatasetRecipe): TrainingData {
  const config = parseDatasetConfig(recipe.config);
  if (!config.ok) throw new Error(config.reason);
  const text = recipe.csvText;
  const content =
    recipe.binary && text !== null ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : text;
  const table = loadTable(config.value, content);
  if (!table.ok) throw new Error(table.reason);
  const prepared = prepareDataset(table.value, config.value);
  if (!prepared.ok) throw new Error(prepared.reason);
  const { x, xShape, y, yShape, trainCount, numClasses } = prepared.value;
  return { x, xShape, y, yShape, trainCount, numClasses };
}

/** The first `n` samples, all of them training samples. */
export function firstSamples(d: TrainingData, n: number): TrainingData {
  const count = Math.min(n, d.xShape[0] ?? 0);
  const per = d.xShape.slice(1).reduce((a, b) => a * b, 1);
  const k = d.yShape[1] ?? 1;
  return {
    ...d,
    x: d.x.subarray(0, count * per),
    xShape: [count, ...d.xShape.slice(1)],
    y: d.y.subarray(0, count * k),
    yShape: [count, k],
    trainCount: count,
  };
}
