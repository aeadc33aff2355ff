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
  /**
   * `for` over the units this invocation owns, `block` at a time (j, j + 1, …); serial mode
   * only, where one invocation owns every unit. Cooperative mode keeps one unit an invocation.
   */
  ownedBlocks(c: RecurrentShaderConfig, block: number, body: string): string;
  /** Units one iteration of ownedBlocks takes: 4, 2 or 1, dividing the units. */
  block(units: number): number;
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
    ownedBlocks: (c, _block, body) => MODE_OPS.cooperative.owned(c, body),
    block: () => 1,
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
    ownedBlocks: (c, block, body) =>
      `for (var j = 0; j < ${c.units}; j = j + ${block}) {\n${body}\n}`,
    block: (units) => [4, 2, 1].find((n) => units % n === 0) ?? 1,
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
 * `for (var <i> = 0; i < n; …)` over `body(index)`, 4 (or 2) iterations written out per loop
 * turn where they divide n: software adapters pay for every turn of a loop (masks, the exit
 * test across lanes) about as much as for a few multiply-adds. The order is unchanged.
 */
export function unrolled(i: string, n: number, body: (index: string) => string): string {
  const by = [4, 2, 1].find((u) => n % u === 0) ?? 1;
  const turns = [...Array(by).keys()].map((u) => `{ ${body(u === 0 ? i : `${i} + ${u}`)} }`);
  return `for (var ${i} = 0; ${i} < ${n}; ${i} = ${i} + ${by}) {\n        ${turns.join('\n        ')}\n      }`;
}

/**
 * The frame every fused kernel shares: its arrays, the state zeroed by `init`, then one pass over
 * the steps (forward or backward in time) where `row` and `base` name the step's slot, each
 * step's `body` ending at a barrier.
 */
export function stepLoop(
  c: RecurrentShaderConfig,
  m: ModeOps,
  frame: { arrays: [string, number][]; init: string; backward: boolean },
  body: string,
): string {
  const loop = frame.backward ? 'var t = T - 1; t >= 0; t = t - 1' : 'var t = 0; t < T; t = t + 1';
  return `
${m.main(frame.arrays)}
  let T = uniforms.steps;
  ${m.owned(c, frame.init)}
  ${m.barrier}
  for (${loop}) {
    let row = b * T + t;
    let base = row * ${slotSize(c.kind, c.units)};
    ${body}
    ${m.barrier}
  }
}`;
}

/**
 * Pre-activations of several gate columns at once: `var <name>` = bias + x(t)·W[:, col] +
 * v·U[:, col] for each [name, col]. The columns share the loops, so x(t) and v are read once
 * for all of them rather than once per column: on software adapters every read of an
 * invocation's own array or of a buffer at a computed index is a per-lane gather, and those,
 * not the multiply-adds, set the kernel's time. Each sum keeps the order bias, x, v.
 * x·W is done here, step by step, rather than as a matmul beforehand (tfjs' tiled matmul is
 * barrier-bound on software adapters and cost more than the whole recurrence).
 */
function gateSums(c: RecurrentShaderConfig, cols: [string, string][], v: string): string {
  const width = GATES[c.kind] * c.units;
  const init = cols
    .map(([name, col]) => `var ${name} = ${c.useBias ? `gateBias[${col}]` : '0.0'};`)
    .join('\n      ');
  const add = (value: string, rowBase: string) =>
    cols.map(([name, col]) => `${name} = ${name} + ${value} * ${rowBase}${col}];`).join(' ');
  return `
      ${init}
      for (var f = 0; f < FEATURES; f = f + 1) {
        let xv = xs[row * FEATURES + f];
        ${add('xv', `w[f * ${width} + `)}
      }
      ${unrolled('k', c.units, (k) => `let hv = ${v}[${k}]; ${add('hv', `rk[(${k}) * ${width} + `)}`)}`;
}

// ---- forward ---------------------------------------------------------------------------------

function lstmForward(c: RecurrentShaderConfig, m: ModeOps): string {
  const U = c.units;
  const S = slotSize('LSTM', U);
  const names = ['zi', 'zf', 'zc', 'zo'];
  const gates = gateSums(
    c,
    names.map((n, g) => [n, `${g * U} + j`]),
    'hs',
  );
  return stepLoop(
    c,
    m,
    { arrays: [['hs', U]], init: 'hs[j] = 0.0;', backward: false },
    `${m.owned(
      c,
      `
      result[base + j] = hs[j];
      ${gates}
      result[base + ${2 * U} + j] = zi;
      result[base + ${3 * U} + j] = zf;
      result[base + ${4 * U} + j] = zc;
      result[base + ${5 * U} + j] = zo;
      var cPrev = 0.0;
      if (t > 0) { cPrev = result[base - ${S} + ${U} + j]; }
      let i = ract(zi);
      let f = ract(zf);
      let g = act(zc);
      let o = ract(zo);
      let cell = f * cPrev + i * g;
      result[base + ${U} + j] = cell;
      result[base + ${6 * U} + j] = o * act(cell);`,
    )}
    ${m.barrier}
    ${m.owned(c, `hs[j] = result[base + ${6 * U} + j];`)}`,
  );
}

function gruForward(c: RecurrentShaderConfig, m: ModeOps): string {
  const U = c.units;
  return stepLoop(
    c,
    m,
    {
      arrays: [
        ['hs', U],
        ['rh', U],
      ],
      init: 'hs[j] = 0.0;',
      backward: false,
    },
    `${m.owned(
      c,
      `
      result[base + j] = hs[j];
      ${gateSums(
        c,
        [
          ['az', 'j'],
          ['ar', `${U} + j`],
        ],
        'hs',
      )}
      result[base + ${2 * U} + j] = az;
      result[base + ${3 * U} + j] = ar;
      rh[j] = ract(ar) * hs[j];
      result[base + ${U} + j] = rh[j];`,
    )}
    ${m.barrier}
    ${m.owned(
      c,
      `
      ${gateSums(c, [['ah', `${2 * U} + j`]], 'rh')}
      result[base + ${4 * U} + j] = ah;
      let z = ract(result[base + ${2 * U} + j]);
      result[base + ${5 * U} + j] = z * hs[j] + (1.0 - z) * act(ah);`,
    )}
    ${m.barrier}
    ${m.owned(c, `hs[j] = result[base + ${5 * U} + j];`)}`,
  );
}

function simpleRnnForward(c: RecurrentShaderConfig, m: ModeOps): string {
  const U = c.units;
  return stepLoop(
    c,
    m,
    { arrays: [['hs', U]], init: 'hs[j] = 0.0;', backward: false },
    `${m.owned(
      c,
      `
      result[base + j] = hs[j];
      ${gateSums(c, [['a', 'j']], 'hs')}
      result[base + ${U} + j] = a;
      result[base + ${2 * U} + j] = act(a);`,
    )}
    ${m.barrier}
    ${m.owned(c, `hs[j] = result[base + ${2 * U} + j];`)}`,
  );
}

/** Inputs: proj [B·T, G·U] = x·W, rk [U, G·U], gateBias [G·U] if used. Output: slots [B, T, S]. */
export function forwardSource(c: RecurrentShaderConfig, mode: KernelMode = 'cooperative'): string {
  const kernel = { LSTM: lstmForward, GRU: gruForward, SimpleRNN: simpleRnnForward }[c.kind];
  const body = kernel(c, MODE_OPS[mode]);
  return `${header(c)}\n${FEATURES_FN}\n${body.replaceAll('FEATURES', 'features()')}`;
}
