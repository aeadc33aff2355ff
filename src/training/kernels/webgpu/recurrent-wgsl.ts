import type { ActivationId } from '../../../core/activations';
import { activationFunctions } from './activations-wgsl';

/**
 * WGSL for the fused recurrent kernels: one workgroup per batch row runs the whole time loop,
 * the hidden state in workgroup memory and a workgroupBarrier between steps (rows are
 * independent, so nothing needs a device-wide sync). The input projection x·W for every step
 * is a matmul done before the forward kernel; the weight gradients are matmuls done after the
 * backward kernel. Pure string building, so it is tested under Node; the browser tests run it.
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

interface ModeOps {
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

const MODE_OPS: Record<KernelMode, ModeOps> = {
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
const FEATURES_FN = 'fn features() -> i32 { return uniforms.wShape.x; }';

function header(c: RecurrentShaderConfig): string {
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

// ---- backward --------------------------------------------------------------------------------

/** dL/dh(t) from the layer's output: every step with return_sequences, else the last only. */
function outputGrad(U: number, returnSequences: boolean): string {
  return returnSequences ? `dy[row * ${U} + j]` : `select(0.0, dy[b * ${U} + j], t == T - 1)`;
}

/**
 * dx(t)[f] = Σ dz(t)[col] · W[f, col], from gate gradients held in arrays: [name, first column,
 * count]. Written after dz(t), in the slot's tail.
 */
function inputGrad(width: number, parts: [string, number, number][]): string {
  const sums = parts
    .map(
      ([v, offset, n]) =>
        `for (var m = 0; m < ${n}; m = m + 1) { acc = acc + ${v}[m] * w[f * ${width} + ${offset} + m]; }`,
    )
    .join('\n');
  return `
      var acc = 0.0;
      ${sums}
      result[row * STRIDE + ${width} + f] = acc;`;
}

/** Sum over m < n of v[m] * rk[j * width + offset + m] (one row of the recurrent kernel). */
const recurrentRowDot = (width: number, v: string, n: number, offset = 0) =>
  `for (var m = 0; m < ${n}; m = m + 1) { acc = acc + ${v}[m] * rk[j * ${width} + ${offset} + m]; }`;

function lstmBackward(c: RecurrentShaderConfig, seq: boolean, m: ModeOps): string {
  const U = c.units;
  const G = 4 * U;
  const S = slotSize('LSTM', U);
  return `
${m.main([
  ['dh', U],
  ['dcNext', U],
  ['dz', G],
])}
  let T = uniforms.steps;
  ${m.owned(c, 'dh[j] = 0.0; dcNext[j] = 0.0;')}
  ${m.barrier}
  for (var t = T - 1; t >= 0; t = t - 1) {
    let row = b * T + t;
    let base = row * ${S};
    ${m.owned(
      c,
      `
      let g = dh[j] + ${outputGrad(U, seq)};
      let zi = slots[base + ${2 * U} + j];
      let zf = slots[base + ${3 * U} + j];
      let zc = slots[base + ${4 * U} + j];
      let zo = slots[base + ${5 * U} + j];
      let cell = slots[base + ${U} + j];
      var cPrev = 0.0;
      if (t > 0) { cPrev = slots[base - ${S} + ${U} + j]; }
      let i = ract(zi);
      let f = ract(zf);
      let gc = act(zc);
      let o = ract(zo);
      let dc = g * o * act_d(cell) + dcNext[j];
      dcNext[j] = dc * f;
      dz[j] = dc * gc * ract_d(zi);
      dz[${U} + j] = dc * cPrev * ract_d(zf);
      dz[${2 * U} + j] = dc * i * act_d(zc);
      dz[${3 * U} + j] = g * act(cell) * ract_d(zo);
      result[row * STRIDE + j] = dz[j];
      result[row * STRIDE + ${U} + j] = dz[${U} + j];
      result[row * STRIDE + ${2 * U} + j] = dz[${2 * U} + j];
      result[row * STRIDE + ${3 * U} + j] = dz[${3 * U} + j];`,
    )}
    ${m.barrier}
    ${m.owned(
      c,
      `
      var acc = 0.0;
      ${recurrentRowDot(G, 'dz', G)}
      dh[j] = acc;`,
    )}
    ${m.ownedFeatures(inputGrad(G, [['dz', 0, G]]))}
    ${m.barrier}
  }
}`;
}

function gruBackward(c: RecurrentShaderConfig, seq: boolean, m: ModeOps): string {
  const U = c.units;
  const G = 3 * U;
  const S = slotSize('GRU', U);
  return `
${m.main([
  ['dh', U],
  ['dhPrev', U],
  ['dah', U],
  ['dzr', 2 * U],
])}
  let T = uniforms.steps;
  ${m.owned(c, 'dh[j] = 0.0;')}
  ${m.barrier}
  for (var t = T - 1; t >= 0; t = t - 1) {
    let row = b * T + t;
    let base = row * ${S};
    ${m.owned(
      c,
      `
      let g = dh[j] + ${outputGrad(U, seq)};
      let hPrev = slots[base + j];
      let az = slots[base + ${2 * U} + j];
      let ah = slots[base + ${4 * U} + j];
      let z = ract(az);
      dhPrev[j] = g * z;
      dzr[j] = g * (hPrev - act(ah)) * ract_d(az);
      dah[j] = g * (1.0 - z) * act_d(ah);
      result[row * STRIDE + j] = dzr[j];
      result[row * STRIDE + ${2 * U} + j] = dah[j];`,
    )}
    ${m.barrier}
    ${m.owned(
      c,
      `
      var acc = 0.0;
      ${recurrentRowDot(G, 'dah', U, 2 * U)}
      let hPrev = slots[base + j];
      let ar = slots[base + ${3 * U} + j];
      dhPrev[j] = dhPrev[j] + acc * ract(ar);
      dzr[${U} + j] = acc * hPrev * ract_d(ar);
      result[row * STRIDE + ${U} + j] = dzr[${U} + j];`,
    )}
    ${m.barrier}
    ${m.owned(
      c,
      `
      var acc = dhPrev[j];
      ${recurrentRowDot(G, 'dzr', 2 * U)}
      dh[j] = acc;`,
    )}
    ${m.ownedFeatures(
      inputGrad(G, [
        ['dzr', 0, 2 * U],
        ['dah', 2 * U, U],
      ]),
    )}
    ${m.barrier}
  }
}`;
}

function simpleRnnBackward(c: RecurrentShaderConfig, seq: boolean, m: ModeOps): string {
  const U = c.units;
  const S = slotSize('SimpleRNN', U);
  return `
${m.main([
  ['dh', U],
  ['da', U],
])}
  let T = uniforms.steps;
  ${m.owned(c, 'dh[j] = 0.0;')}
  ${m.barrier}
  for (var t = T - 1; t >= 0; t = t - 1) {
    let row = b * T + t;
    let base = row * ${S};
    ${m.owned(
      c,
      `
      let g = dh[j] + ${outputGrad(U, seq)};
      da[j] = g * act_d(slots[base + ${U} + j]);
      result[row * STRIDE + j] = da[j];`,
    )}
    ${m.barrier}
    ${m.owned(
      c,
      `
      var acc = 0.0;
      ${recurrentRowDot(U, 'da', U)}
      dh[j] = acc;`,
    )}
    ${m.ownedFeatures(inputGrad(U, [['da', 0, U]]))}
    ${m.barrier}
  }
}`;
}

/**
 * Inputs: slots [B, T, S] from the forward kernel, rk [U, G·U], dy ([B, T, U] with
 * return_sequences, else [B, U]). Output: the pre-activation gate gradients [B, T, G·U].
 */
export function backwardSource(
  c: RecurrentShaderConfig,
  returnSequences: boolean,
  mode: KernelMode = 'cooperative',
): string {
  const kernel = { LSTM: lstmBackward, GRU: gruBackward, SimpleRNN: simpleRnnBackward }[c.kind];
  const body = kernel(c, returnSequences, MODE_OPS[mode]);
  // Each output row holds dz(t) (G·U) then dx(t) (features).
  return `${header(c)}\n${FEATURES_FN}
const WORKGROUP = ${workgroupSize(c.units, mode)}u;
fn stride() -> i32 { return uniforms.outShape.z; }
${body.replaceAll('FEATURES', 'features()').replaceAll('STRIDE', 'stride()')}`;
}

/**
 * The weight gradients in one pass, one invocation per value: rows [0, F) of the output are
 * dW = Σ x(t)ᵀ dz(t), rows [F, F + U) dU = Σ h(t-1)ᵀ dz(t) (GRU's candidate columns multiply
 * r⊙h(t-1), stored beside h(t-1)), the last row db = Σ dz(t). Inputs: xs [B, T, F], slots
 * [B, T, S], dzx [B, T, G·U + F] from the backward kernel. A plain loop over the B·T rows:
 * no tiles, no barriers, which software adapters run far faster than a tiled matmul.
 */
export function weightGradSource(c: RecurrentShaderConfig): string {
  const U = c.units;
  const G = GATES[c.kind] * U;
  const S = slotSize(c.kind, U);
  const offset = c.kind === 'GRU' ? `select(0, ${U}, col >= ${2 * U})` : '0';
  return `
fn main(index : i32) {
  let F = uniforms.xsShape.z;
  if (index >= (F + ${U} + 1) * ${G}) { return; }
  let r = index / ${G};
  let col = index % ${G};
  let n = uniforms.xsShape.x * uniforms.xsShape.y;
  let stride = uniforms.dzxShape.z;
  var acc = 0.0;
  if (r < F) {
    for (var i = 0; i < n; i = i + 1) { acc = acc + xs[i * F + r] * dzx[i * stride + col]; }
  } else if (r < F + ${U}) {
    let k = r - F + ${offset};
    for (var i = 0; i < n; i = i + 1) { acc = acc + slots[i * ${S} + k] * dzx[i * stride + col]; }
  } else {
    for (var i = 0; i < n; i = i + 1) { acc = acc + dzx[i * stride + col]; }
  }
  result[index] = acc;
}`;
}
