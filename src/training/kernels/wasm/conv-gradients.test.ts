import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  convGradients,
  describeCase,
  switchBackend,
  worstExcess,
  type ConvCase,
} from './conv-grad-cases';

const TOL = 1e-5;

/**
 * Every kernel size, stride, padding and dimensionality against odd and even sizes; batch and
 * channels rotate through 1 / 3 and 1→1, 3→8, 8→3, so each appears with each of the others.
 */
function table(): ConvCase[] {
  const channels = [
    [1, 1],
    [3, 8],
    [8, 3],
  ] as const;
  const cases: ConvCase[] = [];
  let i = 0;
  for (const dims of [1, 2])
    for (const kernel of [1, 3, 5])
      for (const stride of [1, 2])
        for (const pad of ['valid', 'same'] as const)
          for (const odd of [true, false]) {
            const [inC, outC] = channels[i % 3] as readonly [number, number];
            const n = odd ? 7 : 8;
            const size = dims === 1 ? [n + 4] : [n, n - 2];
            cases.push({ batch: i % 2 ? 3 : 1, size, inC, outC, kernel, stride, pad });
            i++;
          }
  return cases;
}

beforeAll(() => switchBackend('wasm'));

describe('Conv gradients on wasm match the CPU backend', () => {
  it.each(table().map((c) => [describeCase(c), c] as const))('%s', async (_, c) => {
    const want = await convGradients('cpu', c);
    const got = await convGradients('wasm', c);
    expect(worstExcess(got.dx, want.dx, TOL), 'dx').toBe(0);
    expect(worstExcess(got.dw, want.dw, TOL), 'dfilter').toBe(0);
  });

  it('with explicit padding numbers', async () => {
    const pad: tf.backend_util.ExplicitPadding = [
      [0, 0],
      [2, 0],
      [1, 3],
      [0, 0],
    ];
    const c: ConvCase = { batch: 2, size: [6, 5], inC: 3, outC: 4, kernel: 3, stride: 2, pad };
    const want = await convGradients('cpu', c);
    const got = await convGradients('wasm', c);
    expect(worstExcess(got.dx, want.dx, TOL)).toBe(0);
    expect(worstExcess(got.dw, want.dw, TOL)).toBe(0);
  });

  it('when the batch is too big for one im2col chunk (16 MiB) and is split by samples', async () => {
    // 48×48 pixels × 3·3·64 taps = 1.3 M floats a sample: chunks of 3 and 2 samples.
    const c: ConvCase = {
      batch: 5,
      size: [48, 48],
      inC: 64,
      outC: 2,
      kernel: 3,
      stride: 1,
      pad: 'same',
    };
    const want = await convGradients('cpu', c);
    const got = await convGradients('wasm', c);
    expect(worstExcess(got.dx, want.dx, TOL)).toBe(0);
    // Each filter gradient here sums 11,520 products: XNNPACK adds them in float32, the CPU
    // backend in float64, so they differ by ~1e-4 relative whether or not the batch is split.
    expect(worstExcess(got.dw, want.dw, 3e-4)).toBe(0);
  });
});

describe('the wasm Conv gradient kernels', () => {
  it('are the ones registered for wasm once the backend is prepared', () => {
    for (const name of ['Conv2DBackpropFilter', 'Conv2DBackpropInput']) {
      expect(tf.getKernel(name, 'wasm')?.kernelFunc.name).toMatch(/^conv2DBackprop/);
    }
  });

  it('leave no tensor or heap buffer behind across repeated steps', async () => {
    await switchBackend('wasm');
    const x = tf.randomUniform([3, 9, 8, 3]);
    const w = tf.randomUniform([3, 3, 3, 5]);
    const step = () => {
      const grads = tf.grads((a, b) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same'));
      tf.dispose(grads([x, w]));
    };
    step();
    const tensors = tf.memory().numTensors;
    // Kernel temporaries (im2col columns, the transposed filter) are heap buffers the engine
    // never sees, so tf.memory() cannot count them: the backend's own count of buffers can.
    const buffers = tf.backend().numDataIds();
    for (let i = 0; i < 5; i++) step();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.backend().numDataIds()).toBe(buffers);
    tf.dispose([x, w]);
  });

  it('refuse channels-first data with a sentence saying so', async () => {
    await switchBackend('wasm');
    const x = tf.zeros([1, 2, 5, 5]);
    const dy = tf.zeros([1, 4, 3, 3]);
    const run = () =>
      tf.engine().runKernel(
        'Conv2DBackpropFilter',
        { x, dy },
        {
          strides: 1,
          pad: 'valid',
          dataFormat: 'NCHW',
          filterShape: [3, 3, 2, 4],
        },
      );
    expect(run).toThrow(
      "Conv2DBackpropFilter on wasm supports channels-last (NHWC) data only, got dataFormat 'NCHW'",
    );
    tf.dispose([x, dy]);
  });
});
