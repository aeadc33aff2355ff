import type { ParamCount, Shape } from './types';
import type { Result } from '../result';

export const ok = (value: Shape): Result<Shape> => ({ ok: true, value });
export const fail = (reason: string): Result<Shape> => ({ ok: false, reason });
export const noParams = (): ParamCount => ({ trainable: 0, nonTrainable: 0 });
export const trainable = (n: number): ParamCount => ({ trainable: n, nonTrainable: 0 });

/** Size of dimension i; shapes reaching a layer rule are fully known except the batch. */
export function dim(shape: Shape, i: number): number {
  const d = shape.at(i);
  if (d == null) throw new Error(`Dimension ${i} of (${shape.join(', ')}) is unknown`);
  return d;
}

/** Product of all dimensions except the batch. */
export function units(shape: Shape): number {
  return shape.slice(1).reduce<number>((acc, d) => acc * (d ?? 1), 1);
}

export type Padding = 'valid' | 'same' | 'causal';

/**
 * Output length of a sliding window, as Keras computes it: 'same' and 'causal' keep the length
 * (before striding), 'valid' loses the dilated window minus one. May be ≤ 0: callers refuse that.
 */
export function windowLength(
  length: number,
  window: number,
  padding: Padding,
  stride: number,
  dilation = 1,
): number {
  const span = (window - 1) * dilation + 1;
  const kept = padding === 'valid' ? length - span + 1 : length;
  return Math.floor((kept + stride - 1) / stride);
}

/** Keras notation: formatShape([null, 32, 1]) is "(None, 32, 1)"; a 1-tuple keeps its comma. */
export function formatShape(shape: Shape): string {
  const parts = shape.map((d) => (d == null ? 'None' : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/** "(3, 3)" for 2-D windows, "5" for 1-D ones, as a user typed them. */
export function formatSize(size: number | readonly number[]): string {
  return typeof size === 'number' ? String(size) : `(${size.join(', ')})`;
}
