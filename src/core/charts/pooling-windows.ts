/**
 * Where each pooling window sits on its input, from the layer's parameters, with the padding
 * Keras and TensorFlow use: 'valid' drops the steps at the end that do not fill a window;
 * 'same' pads so there are ceil(length / stride) windows, putting the odd padded step at the
 * end (pad before = floor(total / 2)). Padded positions hold nothing: max pooling ignores
 * them and average pooling divides by the real values only.
 */
export type Padding = 'valid' | 'same';

export interface PoolWindow {
  /** First position, in input steps; negative inside the padding before the input. */
  start: number;
  /** One past the last position; beyond the input inside the padding after it. */
  end: number;
}

export interface PoolLayout {
  inputLength: number;
  windows: PoolWindow[];
  padBefore: number;
  padAfter: number;
  /** Steps at the end no window reads ('valid' with a stride or length that does not divide). */
  dropped: number;
}

export function poolLayout(
  inputLength: number,
  poolSize: number,
  stride: number,
  padding: Padding,
): PoolLayout {
  const length = Math.max(0, Math.floor(inputLength));
  const pool = Math.max(1, Math.floor(poolSize));
  const step = Math.max(1, Math.floor(stride));
  let count: number;
  let padBefore = 0;
  let padAfter = 0;
  if (padding === 'same') {
    count = Math.ceil(length / step);
    const total = Math.max(0, (count - 1) * step + pool - length);
    padBefore = Math.floor(total / 2);
    padAfter = total - padBefore;
  } else {
    count = length >= pool ? Math.floor((length - pool) / step) + 1 : 0;
  }
  const windows = Array.from({ length: count }, (_, i) => {
    const start = i * step - padBefore;
    return { start, end: start + pool };
  });
  const lastEnd = windows.at(-1)?.end ?? 0;
  return {
    inputLength: length,
    windows,
    padBefore,
    padAfter,
    dropped: Math.max(0, length - lastEnd),
  };
}

/** The part of a window that lies on the input, [from, to). */
export function coveredRange(w: PoolWindow, inputLength: number): [number, number] {
  return [Math.max(0, w.start), Math.min(inputLength, w.end)];
}

/** What the layer computes for one window of a sequence (padding ignored, as Keras does). */
export function poolValue(
  values: ArrayLike<number>,
  w: PoolWindow,
  inputLength: number,
  mode: 'max' | 'average',
): number {
  const [from, to] = coveredRange(w, inputLength);
  if (to <= from) return NaN;
  let acc = mode === 'max' ? -Infinity : 0;
  for (let i = from; i < to; i++) {
    const v = values[i] as number;
    acc = mode === 'max' ? Math.max(acc, v) : acc + v;
  }
  return mode === 'max' ? acc : acc / (to - from);
}
