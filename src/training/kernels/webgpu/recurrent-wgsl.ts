import type { ActivationId } from '../../../core/activations';
import { activationFunctions } from './activations-wgsl';

/**
 * WGSL for the fused recurrent kernels: one workgroup per batch row runs the whole time loop,
 * the hidden state in workgroup memory and a workgroupBarrier between steps (rows are
 * independent, so nothing needs a device-wide sync). The input projection x·W is done inside
 * the forward kernel, step by step, and the weight gradients in a kernel of their own
 * (recurrent-backward-wgsl.ts): tfjs' tiled matmul was slower on software adapters than the
 * whole recurrence. Pure string building, so it is tested under Node; the browser tests run it.
 *
 * The forward kernel writes one "slot" per (row, step): everything the backward pass needs.
 * Every slot starts with h(t-1) and ends with h(t), so one slice gives the outputs and one the
 * previous states the recurrent-kernel gradient multiplies with.
 *   LSTM       [h(t-1) | c(t) | z_i z_f z_c z_o | h(t)]          7 units
 *   GRU        [h(t-1) | r⊙h(t-1) | a_z a_r a_h | h(t)]          6 units
 *   SimpleRNN  [h(t-1) | a | h(t)]                               3 units
 * (z, a: pre-activations; derivatives are taken from them, so any supported activation works.)
 */
export const RECURRENT_KINDS = ['LSTM', 'GRU', 'SimpleRNN'] as const;
export type RecurrentKind = (typeof RECURRENT_KINDS)[number];

export interface RecurrentShaderConfig {
  kind: RecurrentKind;
  units: number;
  activation: ActivationId;
  /** Ignored by SimpleRNN, which has no gates. */
  recurrentActivation: ActivationId;
  useBias: boolean;
}

/** Keras's gate blocks per kind, in its kernel column order (LSTM i f c o, GRU z r h). */
export const GATES: Record<RecurrentKind, number> = { LSTM: 4, GRU: 3, SimpleRNN: 1 };
const SLOT_UNITS: Record<RecurrentKind, number> = { LSTM: 7, GRU: 6, SimpleRNN: 3 };

export const slotSize = (kind: RecurrentKind, units: number) => SLOT_UNITS[kind] * units;

/**
 * How a batch row's time loop is spread over invocations:
 * - 'cooperative': one workgroup per row, one invocation per unit, the state shared in
 *   workgroup memory and a barrier between phases. Few serial steps: what GPUs want.
 * - 'serial': one invocation per row, the state in its own arrays, no barriers at all. Software
 *   adapters (SwiftShader) run each barrier as a switch between coroutines, which costs far
 *   more than the arithmetic of a small layer, so this is their mode.
 * The two run the same phases in the same order, so they compute the same values.
 */
export const KERNEL_MODES = ['cooperative', 'serial'] as const;
export type KernelMode = (typeof KERNEL_MODES)[number];

/** Rows per workgroup in serial mode: one SIMD group of a software adapter. */
export const SERIAL_ROWS = 4;

/** One invocation per unit up to 256 (WebGPU's guaranteed workgroup size); more loop. */
export const MAX_WORKGROUP = 256;
export function workgroupSize(units: number, mode: KernelMode = 'cooperative'): number {
  if (mode === 'serial') return SERIAL_ROWS;
  let size = 1;
  while (size < units && size < MAX_WORKGROUP) size *= 2;
  return size;
}

export interface ModeOps {
  /** Module-scope declarations, `fn main` and its prologue (b: the row, lid: the invocation). */
  main(arrays: [string, number][]): string;
  /** `for` over the units this invocation owns. */
  owned(c: RecurrentShaderConfig, body: string): string;
  /** `for` over the input features (dx) this invocation owns; `f` is the feature. */
  ownedFeatures(body: string): string;
  barrier: string;
}

const decl = (arrays: [string, number][], space: string) =>
  arrays.map(([name, n]) => `var${space} ${name} : array<f32, ${n}>;`).join('\n');

export const MODE_OPS: Record<KernelMode, ModeOps> = {
  cooperative: {
    main: (arrays) => `${decl(arrays, '<workgroup>')}
fn main(index : i32) {
  let b = i32(workgroupId.x);
  let lid = i32(localId.x);`,
    // lid, lid + WG, ...
    owned: (c, body) =>
      `for (var j = lid; j < ${c.units}; j = j + ${workgroupSize(c.units)}) {\n${body}\n}`,
    ownedFeatures: (body) =>
      `for (var f = lid; f < FEATURES; f = f + i32(WORKGROUP)) {\n${body}\n}`,
    barrier: 'workgroupBarrier();',
  },
  serial: {
    main: (arrays) => `fn main(index : i32) {
  let b = index;
  if (b >= uniforms.outShape.x) { return; }
  ${decl(arrays, '')}`,
    owned: (c, body) => `for (var j = 0; j < ${c.units}; j = j + 1) {\n${body}\n}`,
    ownedFeatures: (body) => `for (var f = 0; f < FEATURES; f = f + 1) {\n${body}\n}`,
    barrier: '',
  },
};

/**
 * Workgroup memory each kernel declares, in f32s; WebGPU guarantees 16 KiB (4096 f32s), which
 * sets the largest units the kernels take (see fused-recurrent-coverage.ts).
 */
export function workgroupFloats(kind: RecurrentKind, units: number): number {
  const forward = { LSTM: 1, GRU: 2, SimpleRNN: 1 }[kind] * units;
  const backward = { LSTM: 6, GRU: 5, SimpleRNN: 2 }[kind] * units;
  return Math.max(forward, backward);
}

export function shaderKey(
  c: RecurrentShaderConfig,
  mode: KernelMode,
  pass: 'fwd' | 'bwd' | 'wgrad',
  extra = '',
): string {
  const acts = c.kind === 'SimpleRNN' ? c.activation : `${c.activation}_${c.recurrentActivation}`;
  const bias = c.useBias ? 'b' : 'nb';
  return `layerlab_fused_${c.kind}_${mode}_${pass}_${c.units}_${acts}_${bias}${extra}`;
}

// The input width comes from the kernel's shape (tfjs declares every input's shape as a
// uniform), so one shader serves every feature count.
export const FEATURES_FN = 'fn features() -> i32 { return uniforms.wShape.x; }';

export function header(c: RecurrentShaderConfig): string {
  const fns = [activationFunctions('act', c.activation)];
  if (c.kind !== 'SimpleRNN') fns.push(activationFunctions('ract', c.recurrentActivation));
  return fns.join('\n');
}

/**
 * `var acc` = bias + x(t)·W for one kernel column: the input projection is done here, step by
 * step, rather than as a matmul beforehand (tfjs' tiled matmul is barrier-bound on software
 * adapters and cost more than the whole recurrence).
 */
const inputTerm = (c: RecurrentShaderConfig, col: string) => `
      var acc = ${c.useBias ? `gateBias[${col}]` : '0.0'};
      for (var f = 0; f < FEATURES; f = f + 1) {
        acc = acc + xs[row * FEATURES + f] * w[f * ${GATES[c.kind] * c.units} + ${col}];
      }`;

/** Sum over k of v[k] * rk[k * width + col] (one column of the recurrent kernel). */
const recurrentDot = (c: RecurrentShaderConfig, v: string, col: string) =>
  `for (var k = 0; k < ${c.units}; k = k + 1) { acc = acc + ${v}[k] * rk[k * ${GATES[c.kind] * c.units} + ${col}]; }`;

// ---- forward ---------------------------------------------------------------------------------

function lstmForward(c: RecurrentShaderConfig, m: ModeOps): string {
  const U = c.units;
  const S = slotSize('LSTM', U);
  const gate = (g: number) => `
      ${inputTerm(c, `${g * U} + j`)}
      ${recurrentDot(c, 'hs', `${g * U} + j`)}
      result[base + ${2 * U + g * U} + j] = acc;`;
  return `
${m.main([['hs', U]])}
  let T = uniforms.steps;
  ${m.owned(c, 'hs[j] = 0.0;')}
  ${m.barrier}
  for (var t = 0; t < T; t = t + 1) {
    let row = b * T + t;
    let base = row * ${S};
    ${m.owned(
      c,
      `
      result[base + j] = hs[j];
      { ${gate(0)} }
      { ${gate(1)} }
      { ${gate(2)} }
      { ${gate(3)} }
      var cPrev = 0.0;
      if (t > 0) { cPrev = result[base - ${S} + ${U} + j]; }
      let i = ract(result[base + ${2 * U} + j]);
      let f = ract(result[base + ${3 * U} + j]);
      let g = act(result[base + ${4 * U} + j]);
      let o = ract(result[base + ${5 * U} + j]);
      let cell = f * cPrev + i * g;
      result[base + ${U} + j] = cell;
      result[base + ${6 * U} + j] = o * act(cell);`,
    )}
    ${m.barrier}
    ${m.owned(c, `hs[j] = result[base + ${6 * U} + j];`)}
    ${m.barrier}
  }
}`;
}

function gruForward(c: RecurrentShaderConfig, m: ModeOps): string {
  const U = c.units;
  const S = slotSize('GRU', U);
  return `
${m.main([
  ['hs', U],
  ['rh', U],
])}
  let T = uniforms.steps;
  ${m.owned(c, 'hs[j] = 0.0;')}
  ${m.barrier}
  for (var t = 0; t < T; t = t + 1) {
    let row = b * T + t;
    let base = row * ${S};
    ${m.owned(
      c,
      `
      result[base + j] = hs[j];
      {
        ${inputTerm(c, 'j')}
        ${recurrentDot(c, 'hs', 'j')}
        result[base + ${2 * U} + j] = acc;
      }
      {
        ${inputTerm(c, `${U} + j`)}
        ${recurrentDot(c, 'hs', `${U} + j`)}
        result[base + ${3 * U} + j] = acc;
        rh[j] = ract(acc) * hs[j];
        result[base + ${U} + j] = rh[j];
      }`,
    )}
    ${m.barrier}
    ${m.owned(
      c,
      `
      ${inputTerm(c, `${2 * U} + j`)}
      ${recurrentDot(c, 'rh', `${2 * U} + j`)}
      result[base + ${4 * U} + j] = acc;
      let z = ract(result[base + ${2 * U} + j]);
      result[base + ${5 * U} + j] = z * hs[j] + (1.0 - z) * act(acc);`,
    )}
    ${m.barrier}
    ${m.owned(c, `hs[j] = result[base + ${5 * U} + j];`)}
    ${m.barrier}
  }
}`;
}

function simpleRnnForward(c: RecurrentShaderConfig, m: ModeOps): string {
  const U = c.units;
  const S = slotSize('SimpleRNN', U);
  return `
${m.main([['hs', U]])}
  let T = uniforms.steps;
  ${m.owned(c, 'hs[j] = 0.0;')}
  ${m.barrier}
  for (var t = 0; t < T; t = t + 1) {
    let row = b * T + t;
    let base = row * ${S};
    ${m.owned(
      c,
      `
      result[base + j] = hs[j];
      ${inputTerm(c, 'j')}
      ${recurrentDot(c, 'hs', 'j')}
      result[base + ${U} + j] = acc;
      result[base + ${2 * U} + j] = act(acc);`,
    )}
    ${m.barrier}
    ${m.owned(c, `hs[j] = result[base + ${2 * U} + j];`)}
    ${m.barrier}
  }
}`;
}

/** Inputs: proj [B·T, G·U] = x·W, rk [U, G·U], gateBias [G·U] if used. Output: slots [B, T, S]. */
export function forwardSource(c: RecurrentShaderConfig, mode: KernelMode = 'cooperative'): string {
  const kernel = { LSTM: lstmForward, GRU: gruForward, SimpleRNN: simpleRnnForward }[c.kind];
  const body = kernel(c, MODE_OPS[mode]);
  return `${header(c)}\n${FEATURES_FN}\n${body.replaceAll('FEATURES', 'features()')}`;
}
