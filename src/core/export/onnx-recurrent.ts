import type { PlannedLayer } from './layer-plan';
import { ExportRefusal, takeWeight, type NamedWeights, type Tensor32 } from './named-weights';
import { attr, type OnnxGraph } from './onnx-graph';
import {
  RECURRENT_ACTIVATIONS,
  RECURRENT_OPS,
  recurrentActivations,
  recurrentProblem,
  type Recurrent,
} from './onnx-support';

/**
 * ONNX's gate blocks, each named by the Keras block it comes from. Keras keeps LSTM gates as
 * i, f, c, o and ONNX as i, o, f, c; GRU is z, r, h in both; SimpleRNN has one block.
 */
const GATES: Record<Recurrent['kind'], { keras: number[] }> = {
  LSTM: { keras: [0, 3, 1, 2] },
  GRU: { keras: [0, 1, 2] },
  SimpleRNN: { keras: [0] },
};

/** Keras' [rows, gates·units] kernel as ONNX's [1, gates·units, rows], gate blocks reordered. */
function gateMatrix(k: Tensor32, units: number, order: readonly number[]): Tensor32 {
  const [rows = 0, cols = 0] = k.shape;
  const out = new Float32Array(rows * cols);
  order.forEach((block, to) => {
    for (let u = 0; u < units; u++) {
      for (let r = 0; r < rows; r++) {
        out[(to * units + u) * rows + r] = k.values[r * cols + block * units + u] ?? 0;
      }
    }
  });
  return { shape: [1, cols, rows], values: out };
}

/** Keras' one bias per gate as ONNX's input bias, with zeros for ONNX's recurrent bias. */
function gateBias(b: Tensor32 | null, units: number, order: readonly number[]): Tensor32 {
  const out = new Float32Array(2 * order.length * units);
  if (b) {
    order.forEach((block, to) =>
      out.set(b.values.subarray(block * units, (block + 1) * units), to * units),
    );
  }
  return { shape: [1, out.length], values: out };
}

/**
 * A recurrent layer as ONNX's own LSTM / GRU / RNN operator rather than unrolled: one node per
 * layer keeps the file small for long sequences and lets runtimes use their fused kernels.
 * GRU is Keras' reset_after=False, which is ONNX's linear_before_reset=0. Inputs are
 * batch-first as in Keras; opset 13 operators are time-first, hence the transposes.
 */
export function recurrentNodes(
  g: OnnxGraph,
  p: PlannedLayer & { layer: Recurrent },
  weights: NamedWeights,
  x: string,
): string {
  const l = p.layer;
  const problem = recurrentProblem(l, p.name);
  if (problem) throw new ExportRefusal(problem);
  const units = l.params.units;
  const features = p.input.at(-1) ?? 0;
  const { keras } = GATES[l.kind];
  const op = RECURRENT_OPS[l.kind];
  const G = keras.length;
  const kernel = takeWeight(weights, p.name, 'kernel', [features, G * units]);
  const recurrent = takeWeight(weights, p.name, 'recurrent_kernel', [units, G * units]);
  const bias = l.params.use_bias ? takeWeight(weights, p.name, 'bias', [G * units]) : null;
  const acts = recurrentActivations(l).map(
    (a) => RECURRENT_ACTIVATIONS[a as keyof typeof RECURRENT_ACTIVATIONS],
  );
  const s = p.name;
  const inputs = [
    g.transpose(s, x, [1, 0, 2]),
    g.floats(s, 'W', gateMatrix(kernel, units, keras)),
    g.floats(s, 'R', gateMatrix(recurrent, units, keras)),
    g.floats(s, 'B', gateBias(bias, units, keras)),
  ];
  const attributes = [
    attr.i('hidden_size', units),
    attr.strings(
      'activations',
      acts.map((a) => a?.name ?? ''),
    ),
    attr.floats(
      'activation_alpha',
      acts.map((a) => a?.alpha ?? 0),
    ),
    attr.floats(
      'activation_beta',
      acts.map((a) => a?.beta ?? 0),
    ),
    ...(l.kind === 'GRU' ? [attr.i('linear_before_reset', 0)] : []),
  ];
  const [all = '', last = ''] = g.op(s, op, inputs, attributes, 2);
  if (!l.params.return_sequences) return g.op1(s, 'Squeeze', [last, g.ints(s, 'axes', [0])]);
  // Y is [steps, directions, batch, units].
  const steps = g.op1(s, 'Squeeze', [all, g.ints(s, 'axes', [1])]);
  return g.transpose(s, steps, [1, 0, 2]);
}
