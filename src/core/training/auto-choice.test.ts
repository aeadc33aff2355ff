import { describe, expect, it } from 'vitest';
import {
  autoCandidates,
  decideKnown,
  decideMove,
  guessBackend,
  GPU_STEP_WORK,
  runKey,
  softwareRenderer,
  worthMeasuring,
  type BackendProbe,
} from './auto-choice';
import type { BackendName } from './backend-names';
import type { BenchmarkResult } from './protocol';

const probe = (name: BackendName, over: Partial<BackendProbe> = {}): BackendProbe => ({
  name,
  unavailable: null,
  software: null,
  ...over,
});

/** Steps/s as the bench measured them (2-core VM, software GPU; bench/results, 2026-11-26). */
const table = (rates: Partial<Record<BackendName, number | null>>): BenchmarkResult[] =>
  Object.entries(rates).map(([name, rate]) => ({
    name: name as BackendName,
    stepsPerSecond: rate ?? null,
    warmupMs: rate == null ? null : 100,
    reason: rate == null ? 'no kernel' : null,
  }));
const MLP_HERE = table({ webgpu: 7.2, webgl: 31.7, wasm: 370, cpu: 78.7 });
const LSTM_HERE = table({ webgpu: 0.3, webgl: 2.5, wasm: 7.8, cpu: 2 });

describe('autoCandidates', () => {
  it('skips software GPU backends when a CPU backend works, and says why', () => {
    const { candidates, skipped } = autoCandidates([
      probe('webgpu', { software: 'SwiftShader' }),
      probe('webgl', { software: 'SwiftShader' }),
      probe('wasm'),
      probe('cpu'),
    ]);
    expect(candidates).toEqual(['wasm', 'cpu']);
    expect(skipped.map((s) => s.name)).toEqual(['webgl', 'webgpu']);
    expect(skipped[1]?.reason).toMatch(/software WebGPU \(SwiftShader\).*choose WebGPU by name/);
  });
  it('keeps hardware GPUs, in the guess order, and reports backends that cannot start', () => {
    const { candidates, skipped } = autoCandidates([
      probe('webgpu', { device: 'NVIDIA H100' }),
      probe('webgl', { unavailable: 'no WebGL2 context' }),
      probe('wasm'),
      probe('cpu'),
    ]);
    expect(candidates).toEqual(['wasm', 'cpu', 'webgpu']);
    expect(skipped).toEqual([{ name: 'webgl', reason: 'no WebGL2 context' }]);
  });
  it('uses a software GPU when nothing on the CPU side can run', () => {
    const { candidates } = autoCandidates([
      probe('webgl', { software: 'llvmpipe' }),
      probe('wasm', { unavailable: 'no WebAssembly' }),
      probe('cpu', { unavailable: 'broken' }),
    ]);
    expect(candidates).toEqual(['webgl']);
  });
  it('recognises software renderers by name', () => {
    expect(softwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))')).toBe(
      'SwiftShader',
    );
    expect(softwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(softwareRenderer('swiftshader device')).toBe('SwiftShader');
    expect(softwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 Direct3D11)')).toBeNull();
  });
});

describe('guessBackend', () => {
  it('starts small models on the first CPU backend, large ones on a hardware WebGPU', () => {
    expect(guessBackend(['wasm', 'cpu', 'webgpu'], 5313 * 64)).toBe('wasm');
    expect(guessBackend(['wasm', 'cpu', 'webgpu'], GPU_STEP_WORK)).toBe('webgpu');
    expect(guessBackend(['wasm', 'cpu'], GPU_STEP_WORK * 10)).toBe('wasm');
    expect(guessBackend(['cpu'], 1)).toBe('cpu');
    expect(guessBackend([], 1)).toBeNull();
  });
});

describe('worthMeasuring', () => {
  it('measures only when the rest of the run can repay it', () => {
    expect(worthMeasuring(1_100, 2)).toBe(false); // the default template: just finish
    expect(worthMeasuring(60_000, 2)).toBe(true);
    expect(worthMeasuring(60_000, 1)).toBe(false); // nothing to compare
    expect(worthMeasuring(9_000, 2)).toBe(true);
    expect(worthMeasuring(8_999, 2)).toBe(false);
  });
});

describe('decideMove', () => {
  it('stays where it is when that is the fastest', () => {
    expect(decideMove('wasm', MLP_HERE).backend).toBe('wasm');
    expect(decideMove('wasm', LSTM_HERE).why).toMatch(
      /^Auto measured it fastest for this model here/,
    );
  });
  it('moves to a clearly faster backend, naming the figures', () => {
    const d = decideMove('cpu', MLP_HERE);
    expect(d.backend).toBe('wasm');
    expect(d.why).toContain('wasm 370');
    expect(d.why).toContain('moved from cpu');
  });
  it('does not move for less than the margin: measurements are noisy', () => {
    expect(decideMove('cpu', table({ wasm: 105, cpu: 100 })).backend).toBe('cpu');
    expect(decideMove('cpu', table({ wasm: 111, cpu: 100 })).backend).toBe('wasm');
  });
  it('leaves a backend that failed to measure, and stays when nothing was measured', () => {
    expect(decideMove('wasm', table({ wasm: null, cpu: 5 })).backend).toBe('cpu');
    expect(decideMove('wasm', table({ wasm: null, cpu: null })).backend).toBe('wasm');
  });
});

describe('decideKnown', () => {
  it('starts on the fastest of an earlier measurement', () => {
    expect(decideKnown(LSTM_HERE)?.backend).toBe('wasm');
    expect(decideKnown(table({ wasm: null }))).toBeNull();
  });
});

describe('runKey', () => {
  const req = (over: { names?: boolean; batchSize?: number; steps?: number } = {}) => ({
    spec: {
      layers: [
        { id: over.names ? 'a1' : 'x', kind: 'Input', params: { shape: [over.steps ?? 8, 1] } },
        { id: 'y', name: over.names ? 'mine' : undefined, kind: 'LSTM', params: { units: 4 } },
      ],
    },
    data: { xShape: [100, over.steps ?? 8, 1], yShape: [100, 1] },
    settings: { batchSize: over.batchSize ?? 32, optimizer: 'adam', loss: 'mse' },
  });
  it('ignores layer ids and names, and changes with what the speed depends on', () => {
    expect(runKey(req({ names: true }))).toBe(runKey(req()));
    expect(runKey(req({ batchSize: 64 }))).not.toBe(runKey(req()));
    expect(runKey(req({ steps: 9 }))).not.toBe(runKey(req()));
  });
});
