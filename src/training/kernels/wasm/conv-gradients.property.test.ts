import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  convGradients,
  describeCase,
  switchBackend,
  worstExcess,
  type ConvCase,
} from './conv-grad-cases';

/** Any small convolution tfjs accepts: 'valid' only where the kernel fits the input. */
const convCase: fc.Arbitrary<ConvCase> = fc
  .record({
    dims: fc.constantFrom(1, 2),
    batch: fc.integer({ min: 1, max: 3 }),
    h: fc.integer({ min: 1, max: 9 }),
    w: fc.integer({ min: 1, max: 9 }),
    inC: fc.integer({ min: 1, max: 6 }),
    outC: fc.integer({ min: 1, max: 6 }),
    kernel: fc.integer({ min: 1, max: 5 }),
    stride: fc.integer({ min: 1, max: 3 }),
    pad: fc.constantFrom('valid' as const, 'same' as const),
  })
  .filter((c) => c.pad === 'same' || (c.kernel <= c.h && c.kernel <= c.w))
  .map(({ dims, h, w, ...c }) => ({ ...c, size: dims === 1 ? [w] : [h, w] }));

beforeAll(() => switchBackend('wasm'));

describe('Conv gradients on wasm, for random shapes', () => {
  it('match the CPU backend within 1e-5', async () => {
    await fc.assert(
      fc.asyncProperty(convCase, fc.integer({ min: 1, max: 1000 }), async (c, seed) => {
        const want = await convGradients('cpu', c, seed);
        const got = await convGradients('wasm', c, seed);
        const dx = worstExcess(got.dx, want.dx, 1e-5);
        const dw = worstExcess(got.dw, want.dw, 1e-5);
        expect({ case: describeCase(c), dx, dw }).toEqual({ case: describeCase(c), dx: 0, dw: 0 });
      }),
      { numRuns: 100 },
    );
  });
});
