import {
  FEATURES_FN,
  GATES,
  header,
  MODE_OPS,
  slotSize,
  workgroupSize,
  type KernelMode,
  type ModeOps,
  type RecurrentShaderConfig,
} from './recurrent-wgsl';

/**
 * WGSL for the fused recurrent kernels' backward pass: back-propagation through time in one
 * dispatch (gate gradients and dx per step), then the weight gradients in a second. The slot
 * layout the forward kernel writes is described in recurrent-wgsl.ts.
 */

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
