import { readValue } from '../../core/predict/reading';
import type { PreparedData } from '../../data/prepare';
import { formatValue } from './format-value';

/** A regression sample's target in the data's units. */
export const targetOf = (data: PreparedData, index: number): number =>
  readValue(data.y[index * (data.yShape[1] ?? 1)] ?? NaN, data.targetNormalisation);

/** What sample `index` really is: its class name, or its target in the data's units. */
export function truthOf(data: PreparedData, index: number): string {
  const k = data.yShape[1] ?? 1;
  const row = data.y.subarray(index * k, (index + 1) * k);
  if (data.task === 'regression') return formatValue(targetOf(data, index));
  const code = k > 1 ? row.indexOf(Math.max(...row)) : Math.round(row[0] ?? 0);
  return data.classNames[code] ?? String(code);
}

/** The validation samples (or, with no validation split, all of them): first index and count. */
export function validationRange(data: PreparedData): { first: number; count: number } {
  const n = data.xShape[0] ?? 0;
  const val = n - data.trainCount;
  return val > 0 ? { first: data.trainCount, count: val } : { first: 0, count: n };
}
