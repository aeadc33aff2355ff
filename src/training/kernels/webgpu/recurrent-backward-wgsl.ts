import {
  FEATURES_FN,
  GATES,
  header,
  MODE_OPS,
  stepLoop,
  slotSize,
  unrolled,
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

/**
 * dh(t-1)[j] = init(j) + Σ over m < n of v[m] · rk[j, m] for the units this invocation owns,
 * `block` rows of the recurrent kernel at a time so each v[m] is read once for all of them
 * (see gateSums in recurrent-wgsl.ts). Each sum keeps the order init, m ascending.
 */
function dhFromRows(
  c: RecurrentShaderConfig,
  m: ModeOps,
  width: number,
  v: string,
  n: number,
  init: (j: string) => string,
): string {
  const block = m.block(c.units);
  const q = [...Array(block).keys()];
  const j = (i: number) => (i === 0 ? 'j' : `j + ${i}`);
  return m.ownedBlocks(
    c,
    block,
    `
      ${q.map((i) => `var acc${i} = ${init(j(i))};`).join(' ')}
      ${unrolled('m', n, (m) => `let d = ${v}[${m}]; ${q.map((i) => `acc${i} = acc${i} + d * rk[(${j(i)}) * ${width} + ${m}];`).join(' ')}`)}
      ${q.map((i) => `dh[${j(i)}] = acc${i};`).join(' ')}`,
  );
}

/** Sum over m < n of v[m] * rk[j * width + offset + m] (one row of the recurrent kernel). */
const recurrentRowDot = (width: number, v: string, n: number, offset = 0) =>
  `for (var m = 0; m < ${n}; m = m + 1) { acc = acc + ${v}[m] * rk[j * ${width} + ${offset} + m]; }`;

function lstmBackward(c: RecurrentShaderConfig, seq: boolean, m: ModeOps): string {
  const U = c.units;
  const G = 4 * U;
  const S = slotSize('LSTM', U);
  return stepLoop(
    c,
    m,
    {
      arrays: [
        ['dh', U],
        ['dcNext', U],
        ['dz', G],
      ],
      init: 'dh[j] = 0.0; dcNext[j] = 0.0;',
      backward: true,
    },
    `${m.owned(
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
    ${dhFromRows(c, m, G, 'dz', G, () => '0.0')}
    ${m.ownedFeatures(inputGrad(G, [['dz', 0, G]]))}`,
  );
}

function gruBackward(c: RecurrentShaderConfig, seq: boolean, m: ModeOps): string {
  const U = c.units;
  const G = 3 * U;
  return stepLoop(
    c,
    m,
    {
      arrays: [
        ['dh', U],
        ['dhPrev', U],
        ['dah', U],
        ['dzr', 2 * U],
      ],
      init: 'dh[j] = 0.0;',
      backward: true,
    },
    `${m.owned(
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
    ${dhFromRows(c, m, G, 'dzr', 2 * U, (j) => `dhPrev[${j}]`)}
    ${m.ownedFeatures(
      inputGrad(G, [
        ['dzr', 0, 2 * U],
        ['dah', 2 * U, U],
      ]),
    )}`,
  );
}

function simpleRnnBackward(c: RecurrentShaderConfig, seq: boolean, m: ModeOps): string {
  const U = c.units;
  return stepLoop(
    c,
    m,
    {
      arrays: [
        ['dh', U],
        ['da', U],
      ],
      init: 'dh[j] = 0.0;',
      backward: true,
    },
    `${m.owned(
      c,
      `
      let g = dh[j] + ${outputGrad(U, seq)};
      da[j] = g * act_d(slots[base + ${U} + j]);
      result[row * STRIDE + j] = da[j];`,
    )}
    ${m.barrier}
    ${dhFromRows(c, m, U, 'da', U, () => '0.0')}
    ${m.ownedFeatures(inputGrad(U, [['da', 0, U]]))}`,
  );
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
 * Columns of the weight gradients each invocation sums: 4 when the gate width allows, so a
 * value of x, h or 1 read once serves 4 columns (software adapters pay per read, see
 * recurrent-wgsl.ts). GRU's candidate columns read r⊙h(t-1) instead of h(t-1): with units a
 * multiple of 4, no block of 4 straddles them.
 */
export function weightGradColumns(c: RecurrentShaderConfig): number {
  return (GATES[c.kind] * c.units) % 4 === 0 && c.units % 4 === 0 ? 4 : 1;
}

/** Rows of one kind (x, h or the bias's 1) each weight-gradient invocation sums. */
export const WEIGHT_GRAD_ROWS = 4;

/** Invocations of the weight-gradient program: blocks of rows × blocks of columns. */
export function weightGradInvocations(c: RecurrentShaderConfig, features: number): number {
  const blocks = (n: number) => Math.ceil(n / WEIGHT_GRAD_ROWS);
  const rowBlocks = blocks(features) + blocks(c.units) + 1;
  return (rowBlocks * GATES[c.kind] * c.units) / weightGradColumns(c);
}

/**
 * The weight gradients in one pass, one invocation per block of up to 4 rows of one kind ×
 * 4 columns (or 1, see weightGradColumns), so each value read serves up to 16 sums: rows
 * [0, F) of the output are dW = Σ x(t)ᵀ dz(t), rows [F, F + U) dU = Σ h(t-1)ᵀ dz(t) (GRU's
 * candidate columns multiply r⊙h(t-1), stored beside h(t-1)), the last row db = Σ dz(t).
 * Inputs: xs [B, T, F], slots [B, T, S], dzx [B, T, G·U + F] from the backward kernel. A plain
 * loop over the B·T rows: no tiles, no barriers, which software adapters run far faster than a
 * tiled matmul. Each sum runs over the rows in order from 0, whatever the blocking.
 */
export function weightGradSource(c: RecurrentShaderConfig): string {
  const U = c.units;
  const G = GATES[c.kind] * U;
  const S = slotSize(c.kind, U);
  const C = weightGradColumns(c);
  const R = WEIGHT_GRAD_ROWS;
  const offset = c.kind === 'GRU' ? `select(0, ${U}, col >= ${2 * U})` : '0';
  const cols = [...Array(C).keys()];
  const rows = [...Array(R).keys()];
  const acc = (r: number, q: number) => `acc${r}_${q}`;
  // Block rows past the end of their kind read its last row (in bounds) and are not written.
  const loop = (value: (r: number) => string, nRows: number) => `
    for (var i = 0; i < n; i = i + 1) {
      ${cols.map((q) => `let d${q} = dzx[i * stride + col + ${q}];`).join(' ')}
      ${rows
        .slice(0, nRows)
        .map(
          (r) =>
            `{ let v = ${value(r)}; ${cols.map((q) => `${acc(r, q)} = ${acc(r, q)} + v * d${q};`).join(' ')} }`,
        )
        .join('\n      ')}
    }`;
  const write = (first: string, limit: string, nRows: number) =>
    rows
      .slice(0, nRows)
      .map(
        (r) =>
          `if (r0 + ${r} < ${limit}) { ${cols.map((q) => `result[(${first} + ${r}) * ${G} + col + ${q}] = ${acc(r, q)};`).join(' ')} }`,
      )
      .join('\n    ');
  return `
fn main(index : i32) {
  let F = uniforms.xsShape.z;
  let xBlocks = (F + ${R - 1}) / ${R};
  let blocks = xBlocks + ${Math.ceil(U / R)} + 1;
  if (index >= blocks * ${G / C}) { return; }
  let blk = index / ${G / C};
  let col = (index % ${G / C}) * ${C};
  let n = uniforms.xsShape.x * uniforms.xsShape.y;
  let stride = uniforms.dzxShape.z;
  ${rows.flatMap((r) => cols.map((q) => `var ${acc(r, q)} = 0.0;`)).join(' ')}
  if (blk < xBlocks) {
    let r0 = blk * ${R};
    ${loop((r) => `xs[i * F + min(r0 + ${r}, F - 1)]`, R)}
    ${write('r0', 'F', R)}
  } else if (blk < blocks - 1) {
    let r0 = (blk - xBlocks) * ${R};
    let k = ${offset};
    ${loop((r) => `slots[i * ${S} + min(r0 + ${r}, ${U - 1}) + k]`, R)}
    ${write('F + r0', `${U}`, R)}
  } else {
    let r0 = 0;
    ${loop(() => '1.0', 1)}
    ${write('F + ' + U, '1', 1)}
  }
}`;
}
