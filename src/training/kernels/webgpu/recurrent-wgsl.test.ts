import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS } from '../../../core/activations';
import { activationFunctions, isFusableActivation } from './activations-wgsl';
import { backwardSource } from './recurrent-backward-wgsl';
import {
  forwardSource,
  RECURRENT_KINDS,
  shaderKey,
  slotSize,
  workgroupFloats,
  workgroupSize,
  type RecurrentShaderConfig,
} from './recurrent-wgsl';

const config = (patch: Partial<RecurrentShaderConfig> = {}): RecurrentShaderConfig => ({
  kind: 'LSTM',
  units: 32,
  activation: 'tanh',
  recurrentActivation: 'sigmoid',
  useBias: true,
  ...patch,
});

/** The sizes of every `var<workgroup> name : array<f32, n>` in a shader. */
const workgroupArrays = (src: string) =>
  [...src.matchAll(/var<workgroup> \w+ : array<f32, (\d+)>/g)].map((m) => Number(m[1]));

describe('fused recurrent WGSL', () => {
  it('uses one invocation per unit up to 256, a power of two', () => {
    expect([1, 7, 32, 100, 256, 257, 600].map((u) => workgroupSize(u))).toEqual([
      1, 8, 32, 128, 256, 256, 256,
    ]);
  });

  it('declares exactly the workgroup memory workgroupFloats budgets', () => {
    for (const kind of RECURRENT_KINDS) {
      const c = config({ kind, units: 13 });
      const fwd = workgroupArrays(forwardSource(c)).reduce((a, b) => a + b, 0);
      const bwd = workgroupArrays(backwardSource(c, true)).reduce((a, b) => a + b, 0);
      expect(Math.max(fwd, bwd), kind).toBe(workgroupFloats(kind, 13));
    }
  });

  it('lays out a slot as h(t-1) … h(t), with the gates in between', () => {
    expect(RECURRENT_KINDS.map((k) => slotSize(k, 10))).toEqual([70, 60, 30]);
    // The forward kernel writes h(t-1) at the slot start and h(t) in its last `units` values.
    const src = forwardSource(config({ units: 10 }));
    expect(src).toContain('result[base + j] = hs[j];');
    expect(src).toContain('result[base + 60 + j] = o * act(cell);');
  });

  it('keys shaders by everything baked into their source', () => {
    const keys = new Set(
      [
        config(),
        config({ units: 33 }),
        config({ activation: 'relu' }),
        config({ recurrentActivation: 'hard_sigmoid' }),
        config({ useBias: false }),
        config({ kind: 'GRU' }),
      ].map((c) => shaderKey(c, 'cooperative', 'fwd')),
    );
    expect(keys.size).toBe(6);
    const key = (mode: 'cooperative' | 'serial', extra: string) =>
      shaderKey(config(), mode, 'bwd', extra);
    expect(key('cooperative', '_seq')).not.toBe(key('cooperative', '_last'));
    expect(key('serial', '_seq')).not.toBe(key('cooperative', '_seq'));
  });

  it('runs serial mode without barriers, its state in per-invocation arrays', () => {
    for (const kind of RECURRENT_KINDS) {
      const c = config({ kind, units: 13 });
      for (const src of [forwardSource(c, 'serial'), backwardSource(c, false, 'serial')]) {
        expect(src).not.toMatch(/workgroupBarrier|var<workgroup>/);
        expect(src).toContain('if (b >= uniforms.outShape.x) { return; }');
        expect(src).toContain('for (var j = 0; j < 13; j = j + 1)');
      }
      // The same arrays, in function scope instead of workgroup memory.
      const names = (src: string) =>
        [...src.matchAll(/var(?:<workgroup>)? (\w+) : array/g)].map((m) => m[1]);
      expect(names(backwardSource(c, true, 'serial'))).toEqual(names(backwardSource(c, true)));
    }
    expect(workgroupSize(300, 'serial')).toBe(4);
  });

  it('reads the bias only when the layer has one', () => {
    expect(forwardSource(config())).toContain('gateBias[');
    expect(forwardSource(config({ useBias: false }))).not.toContain('gateBias');
  });

  it('takes the output gradient from every step or from the last only', () => {
    expect(backwardSource(config(), true)).toContain('dy[row * 32 + j]');
    expect(backwardSource(config(), false)).toContain('select(0.0, dy[b * 32 + j], t == T - 1)');
  });

  it('has WGSL for the activations it claims, and refuses the others', () => {
    const fused = ACTIVATION_IDS.filter(isFusableActivation);
    expect(fused).toEqual(
      expect.arrayContaining(['tanh', 'sigmoid', 'hard_sigmoid', 'relu', 'linear', 'softsign']),
    );
    for (const id of fused) expect(activationFunctions('act', id)).toMatch(/fn act_d\(x : f32\)/);
    for (const id of ['softmax', 'gelu', 'mish'] as const) {
      expect(isFusableActivation(id)).toBe(false);
      expect(() => activationFunctions('act', id)).toThrow(/No fused WGSL/);
    }
  });
});
