import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../data/random';
import { switchBackend, worstExcess, type BackendUnderTest } from './conv-grad-cases';

interface PoolCase {
  shape: [number, number, number, number];
  pool: [number, number];
  stride: [number, number];
  pad: 'valid' | 'same';
  /** How the input is filled: random in [-1, 1], all negative, or all equal (ties everywhere). */
  fill: 'mixed' | 'negative' | 'ties';
}

function input(c: PoolCase): Float32Array {
  const rng = createRng(7);
  const n = c.shape.reduce((a, b) => a * b, 1);
  if (c.fill === 'ties') return new Float32Array(n);
  return Float32Array.from({ length: n }, () => rng.uniform(-1, c.fill === 'negative' ? -0.01 : 1));
}

/** dx of sum(maxPool(x) · r): r random, so a gradient sent to the wrong place shows. */
async function poolGrad(backend: BackendUnderTest, c: PoolCase): Promise<Float32Array> {
  await switchBackend(backend);
  const dx = tf.tidy(() => {
    const x = tf.tensor(input(c), c.shape);
    const r = tf.randomUniform(
      tf.maxPool(x as tf.Tensor4D, c.pool, c.stride, c.pad).shape,
      0.5,
      2,
      'float32',
      3,
    );
    return tf.grad((a) =>
      tf
        .maxPool(a as tf.Tensor4D, c.pool, c.stride, c.pad)
        .mul(r)
        .sum(),
    )(x);
  });
  const values = (await dx.data()) as Float32Array;
  dx.dispose();
  return values;
}

const cases: [string, PoolCase][] = [];
for (const fill of ['mixed', 'negative', 'ties'] as const) {
  cases.push(
    [
      `2D 2×2 valid, ${fill}`,
      { shape: [2, 6, 5, 3], pool: [2, 2], stride: [2, 2], pad: 'valid', fill },
    ],
    [
      `2D 3×3 stride 2 same, ${fill}`,
      { shape: [3, 7, 6, 2], pool: [3, 3], stride: [2, 2], pad: 'same', fill },
    ],
    [
      `2D 2×3 stride 1 valid, ${fill}`,
      { shape: [1, 5, 6, 4], pool: [2, 3], stride: [1, 1], pad: 'valid', fill },
    ],
    // MaxPooling1D runs as a 2D pool of height 1.
    [
      `1D pool 2, ${fill}`,
      { shape: [3, 1, 9, 4], pool: [1, 2], stride: [1, 2], pad: 'valid', fill },
    ],
    [
      `1D pool 3 stride 2 same, ${fill}`,
      { shape: [2, 1, 8, 3], pool: [1, 3], stride: [1, 2], pad: 'same', fill },
    ],
  );
}

beforeAll(() => switchBackend('wasm'));

describe('MaxPoolGrad on wasm', () => {
  it.each(cases)('matches the CPU backend: %s', async (_, c) => {
    const want = await poolGrad('cpu', c);
    const got = await poolGrad('wasm', c);
    expect(worstExcess(got, want, 1e-6)).toBe(0);
  });

  it('leaves no tensor or heap buffer behind', async () => {
    await switchBackend('wasm');
    const x = tf.randomUniform([2, 6, 6, 3], -1, 1);
    const step = () => tf.dispose(tf.grad((a) => tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid'))(x));
    step();
    const tensors = tf.memory().numTensors;
    const buffers = tf.backend().numDataIds();
    for (let i = 0; i < 5; i++) step();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.backend().numDataIds()).toBe(buffers);
    x.dispose();
  });
});
