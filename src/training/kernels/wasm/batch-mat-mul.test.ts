import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../data/random';
import { batchMatMulConfig } from './batch-mat-mul';
import { switchBackend, worstExcess, type BackendUnderTest } from './conv-grad-cases';

interface Product {
  batchA: number;
  batchB: number;
  m: number;
  k: number;
  n: number;
  transposeA: boolean;
  transposeB: boolean;
}

const values = (count: number, seed: number) => {
  const rng = createRng(seed);
  return Float32Array.from({ length: count }, () => rng.uniform(-1, 1));
};

/** The product and (same batch sizes) the gradients of sum(product · r) on one backend. */
async function product(backend: BackendUnderTest, p: Product): Promise<Float32Array[]> {
  await switchBackend(backend);
  const aShape = p.transposeA ? [p.batchA, p.k, p.m] : [p.batchA, p.m, p.k];
  const bShape = p.transposeB ? [p.batchB, p.n, p.k] : [p.batchB, p.k, p.n];
  const out = tf.tidy(() => {
    const a = tf.tensor3d(
      values(
        aShape.reduce((x, y) => x * y),
        1,
      ),
      aShape as [number, number, number],
    );
    const b = tf.tensor3d(
      values(
        bShape.reduce((x, y) => x * y),
        2,
      ),
      bShape as [number, number, number],
    );
    const f = (x: tf.Tensor, y: tf.Tensor) => tf.matMul(x, y, p.transposeA, p.transposeB);
    const y = f(a, b);
    const r = tf.tensor(values(y.size, 3), y.shape);
    // tfjs' own gradient of a broadcast batch fails on every backend: the product alone there.
    if (p.batchA !== p.batchB) return [y];
    const [da, db] = tf.grads((x: tf.Tensor, z: tf.Tensor) => f(x, z).mul(r).sum())([a, b]);
    return [y, da!, db!];
  });
  const read = await Promise.all(out.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose(out);
  return read;
}

const describeProduct = (p: Product) =>
  `[${p.batchA}] ${p.m}×${p.k}${p.transposeA ? 'ᵀ' : ''} · [${p.batchB}] ${p.k}×${p.n}${p.transposeB ? 'ᵀ' : ''}`;

async function expectSameAsCpu(p: Product) {
  const cpu = await product('cpu', p);
  const wasm = await product('wasm', p);
  cpu.forEach((c, i) => {
    const excess = worstExcess(wasm[i]!, c, 1e-5);
    expect(excess, `${describeProduct(p)}: output ${i}`).toBeLessThanOrEqual(0);
  });
}

beforeAll(async () => {
  await switchBackend('wasm');
  // The app's registration ran: the wasm backend's BatchMatMul is this module's.
  expect(tf.getKernel(tf.BatchMatMul, 'wasm')?.kernelFunc).toBe(batchMatMulConfig.kernelFunc);
});

describe('BatchMatMul on wasm with transposed operands', () => {
  const flags = [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const;
  it.each(flags)(
    'equals the CPU backend (transposeA %s, transposeB %s), product and gradients',
    async (transposeA, transposeB) => {
      await expectSameAsCpu({ batchA: 2, batchB: 2, m: 5, k: 7, n: 3, transposeA, transposeB });
      // A Gram matrix's size (X·Xᵀ of 64 samples × 96 values) and a broadcast batch.
      await expectSameAsCpu({ batchA: 1, batchB: 1, m: 64, k: 96, n: 64, transposeA, transposeB });
      await expectSameAsCpu({ batchA: 1, batchB: 3, m: 4, k: 6, n: 5, transposeA, transposeB });
    },
  );

  it('equals the CPU backend on any small product', async () => {
    const arb: fc.Arbitrary<Product> = fc.record({
      batchA: fc.constantFrom(1, 2),
      batchB: fc.constantFrom(1, 2),
      m: fc.integer({ min: 1, max: 9 }),
      k: fc.integer({ min: 1, max: 9 }),
      n: fc.integer({ min: 1, max: 9 }),
      transposeA: fc.boolean(),
      transposeB: fc.boolean(),
    });
    await fc.assert(fc.asyncProperty(arb, expectSameAsCpu), { numRuns: 40, seed: 11 });
  });

  it('leaves no tensor or backend memory behind', async () => {
    await switchBackend('wasm');
    const a = tf.tensor3d(values(2 * 8 * 6, 4), [2, 8, 6]);
    const b = tf.tensor3d(values(2 * 5 * 6, 5), [2, 5, 6]);
    tf.matMul(a, b, false, true).dispose();
    const before = { ...tf.memory(), data: tf.engine().backend.numDataIds() };
    for (let i = 0; i < 20; i++) {
      tf.matMul(a, b, false, true).dispose();
      tf.matMul(a, a, true, false).dispose();
    }
    const after = { ...tf.memory(), data: tf.engine().backend.numDataIds() };
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    expect(after.data).toBe(before.data);
    tf.dispose([a, b]);
  });
});
