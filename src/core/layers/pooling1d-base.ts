import { one, py, type KerasMapping } from './keras-mapping';
import { choice, int, nullable } from './params';
import { dim, fail, ok, windowLength } from './shape-math';
import type { InputRank, Shape } from './types';
import type { Result } from '../result';

export const POOLING1D_RANK: InputRank = { min: 3, max: 3, dims: '(batch, steps, features)' };

export const pooling1dParams = () => ({
  pool_size: int(1, 64, 2, 'Window length, in steps.'),
  strides: nullable(int(1, 64, 2, 'Step between windows.'), 'same as pool_size'),
  padding: choice(
    ['valid', 'same'],
    'valid',
    'valid: drop the steps that do not fill a window; same: pad so every step is covered.',
  ),
});

export function pooling1dOutput(
  kerasClass: string,
  input: Shape,
  p: { pool_size: number; strides: number | null; padding: 'valid' | 'same' },
): Result<Shape> {
  const steps = dim(input, 1);
  const length = windowLength(steps, p.pool_size, p.padding, p.strides ?? p.pool_size);
  if (length < 1) {
    return fail(
      `${kerasClass} pool_size ${p.pool_size} is longer than its input (${steps} steps) with padding 'valid': use padding 'same' or a smaller pool_size.`,
    );
  }
  return ok([null, length, dim(input, 2)]);
}

type Pooling1dParams = { pool_size: number; strides: number | null; padding: 'valid' | 'same' };

export const pooling1dKeras: KerasMapping<Pooling1dParams> = {
  config: (p) => ({
    pool_size: one(p.pool_size),
    strides: p.strides === null ? null : one(p.strides),
    padding: p.padding,
  }),
  args: (p) => [
    ['pool_size', py.int(p.pool_size)],
    ['strides', p.strides === null ? py.none : py.int(p.strides)],
    ['padding', py.str(p.padding)],
  ],
};
