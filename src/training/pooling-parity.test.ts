import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { poolLayout, poolValue } from '../core/charts/pooling-windows';

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

/** What tfjs's own pooling op computes on a sequence (as a [1, L, 1, 1] image). */
function tfPool(
  values: number[],
  pool: number,
  stride: number,
  padding: 'valid' | 'same',
  max: boolean,
) {
  return tf.tidy(() => {
    const x = tf.tensor4d(values, [1, values.length, 1, 1]);
    const op = max ? tf.maxPool : tf.avgPool;
    return Array.from(op(x, [pool, 1], [stride, 1], padding).dataSync());
  });
}

describe('the drawn windows are the windows tfjs pools over', () => {
  it('matches tf.maxPool and tf.avgPool for odd lengths, strides ≠ pool_size, valid and same', () => {
    for (const length of [5, 7, 8, 11]) {
      const values = Array.from({ length }, (_, i) => Math.sin(i * 1.7) * 3 + i * 0.1);
      for (const pool of [1, 2, 3, 4]) {
        for (const stride of [1, 2, 3]) {
          for (const padding of ['valid', 'same'] as const) {
            if (padding === 'valid' && pool > length) continue;
            const layout = poolLayout(length, pool, stride, padding);
            for (const mode of ['max', 'average'] as const) {
              const want = tfPool(values, pool, stride, padding, mode === 'max');
              const got = layout.windows.map((w) => poolValue(values, w, length, mode));
              const what = `${mode} L=${length} pool=${pool} stride=${stride} ${padding}`;
              expect(got.length, what).toBe(want.length);
              got.forEach((v, i) => expect(v, what).toBeCloseTo(want[i] as number, 5));
            }
          }
        }
      }
    }
  });
});
