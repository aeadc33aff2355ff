import { describe, expect, it } from 'vitest';
import { describeBenchmark, pickFastest } from './fastest';
import type { BenchmarkResult } from './protocol';

const r = (name: BenchmarkResult['name'], stepsPerSecond: number | null): BenchmarkResult => ({
  name,
  stepsPerSecond,
  warmupMs: stepsPerSecond === null ? null : 10,
  reason: stepsPerSecond === null ? 'no kernel' : null,
});

describe('pickFastest', () => {
  it('picks the highest measured rate, not the usual favourite', () => {
    expect(pickFastest([r('webgpu', 6.4), r('webgl', 25), r('wasm', 124), r('cpu', 91)])).toBe(
      'wasm',
    );
    expect(pickFastest([r('webgpu', 900), r('wasm', 124)])).toBe('webgpu');
  });
  it('ignores backends that could not be measured, and ties go to the first', () => {
    expect(pickFastest([r('webgpu', null), r('wasm', 50), r('cpu', 50)])).toBe('wasm');
    expect(pickFastest([r('webgpu', null), r('wasm', null)])).toBeNull();
    expect(pickFastest([])).toBeNull();
  });
  it('describes each result', () => {
    expect(describeBenchmark([r('webgl', 25.44), r('wasm', null)])).toBe(
      'webgl 25.4 steps/s · wasm: no kernel',
    );
  });
});
