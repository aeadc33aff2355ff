import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS } from '../../../core/activations';
import { activationFunctions, isFusableActivation } from './activations-wgsl';
import {
  backwardSource,
  weightGradColumns,
  weightGradInvocations,
  weightGradSource,
} from './recurrent-backward-wgsl';
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

  // Software adapters pay per read at a computed index (a gather per lane), so the speed of the
  // serial kernels rests on reading each value once for every column that uses it.
  it('reads x(t) and h(t-1) once per step for all of a unit’s gate columns', () => {
    const lstm = forwardSource(config(), 'serial');
    // The k loop is written out 4 turns at a time: each h(t-1)[k] read once, for 4 gates.
    for (const k of ['k', 'k + 1', 'k + 2', 'k + 3']) {
      expect(lstm.split(`let hv = hs[${k}];`)).toHaveLength(2);
      for (const col of ['0 + j', '32 + j', '64 + j', '96 + j'])
        expect(lstm).toContain(`hv * rk[(${k}) * 128 + ${col}]`);
    }
    expect(lstm).toContain('for (var k = 0; k < 32; k = k + 4)');
    expect(lstm.match(/xs\[row \* features\(\) \+ f\]/g)).toHaveLength(1);
    const gru = forwardSource(config({ kind: 'GRU', units: 6 }), 'serial');
    expect(gru).toContain('for (var k = 0; k < 6; k = k + 2)');
    expect(gru.split('let hv = hs[k];')).toHaveLength(2);
    expect(gru.split('let hv = rh[k];')).toHaveLength(2);
    expect(forwardSource(config({ units: 7 }), 'serial')).toContain('k = k + 1)');
  });

  it('back-propagates h through up to 4 recurrent-kernel rows at a time in serial mode', () => {
    const rows = (units: number, mode: 'serial' | 'cooperative' = 'serial') =>
      backwardSource(config({ units }), false, mode);
    expect(rows(32)).toContain(`for (var j = 0; j < 32; j = j + 4)`);
    expect(rows(32)).toContain('acc3 = acc3 + d * rk[(j + 3) * 128 + m + 2];');
    expect(rows(32).split('let d = dz[m + 1];')).toHaveLength(2);
    expect(rows(6)).toContain('rk[(j + 1) * 24 + m]');
    expect(rows(6)).not.toContain('acc2');
    expect(rows(7)).not.toContain('acc1');
    // One invocation per unit in cooperative mode: no blocks.
    expect(rows(32, 'cooperative')).not.toContain('acc1');
  });

  it('sums 4 weight-gradient columns an invocation when no block straddles a gate', () => {
    expect(weightGradColumns(config())).toBe(4);
    expect(weightGradColumns(config({ kind: 'GRU', units: 8 }))).toBe(4);
    // GRU's candidate columns start at 2U: with U = 6 a block of 4 would straddle them.
    expect(weightGradColumns(config({ kind: 'GRU', units: 6 }))).toBe(1);
    expect(weightGradColumns(config({ kind: 'SimpleRNN', units: 7 }))).toBe(1);
    const src = weightGradSource(config());
    expect(src).toContain('let col = (index % 32) * 4;');
    // Up to 4 rows of one kind (x, h, 1) a block: each value read serves 16 sums.
    expect(src).toContain('acc3_3 = acc3_3 + v * d3;');
    expect(src).toContain('if (r0 + 3 < 32) { result[(F + r0 + 3) * 128 + col + 0] = acc3_0;');
    expect(src).toContain('if (r0 + 0 < 1) { result[(F + 32 + 0) * 128 + col + 0] = acc0_0;');
    expect(weightGradInvocations(config(), 2)).toBe((1 + 8 + 1) * 32);
    const narrow = weightGradSource(config({ kind: 'SimpleRNN', units: 7 }));
    expect(narrow).not.toContain('acc0_1');
    expect(weightGradInvocations(config({ kind: 'SimpleRNN', units: 7 }), 5)).toBe((2 + 2 + 1) * 7);
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
