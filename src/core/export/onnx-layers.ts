import type { PlannedLayer } from './layer-plan';
import { padsFor } from './layer-plan';
import {
  ExportRefusal,
  permute,
  takeWeight,
  type NamedWeights,
  type Tensor32,
} from './named-weights';
import { activationNodes } from './onnx-activations';
import { attr, type OnnxGraph } from './onnx-graph';
import { recurrentNodes } from './onnx-recurrent';

/** Channels-last (Keras) to channels-first (ONNX convolutions) and back, by rank with batch. */
const TO_FIRST: Record<number, number[]> = { 3: [0, 2, 1], 4: [0, 3, 1, 2] };
const TO_LAST: Record<number, number[]> = { 3: [0, 2, 1], 4: [0, 2, 3, 1] };

const ones = (n: number): Tensor32 => ({ shape: [n], values: new Float32Array(n).fill(1) });
const zeros = (n: number): Tensor32 => ({ shape: [n], values: new Float32Array(n) });

/** Runs `body` on the tensor in channels-first layout; the model's tensors stay channels-last. */
function channelsFirst(g: OnnxGraph, p: PlannedLayer, x: string, body: (x: string) => string) {
  const rank = p.input.length + 1;
  const first = TO_FIRST[rank];
  const last = TO_LAST[rank];
  if (!first || !last) return body(x);
  return g.transpose(p.name, body(g.transpose(p.name, x, first)), last);
}

/**
 * One Keras layer as ONNX nodes, reading `x` and returning the name of its output. Every
 * tensor between layers is in Keras' layout (batch, …, channels), so Flatten and Reshape keep
 * Keras' element order; convolutions and pooling transpose around themselves.
 */
export function layerNodes(
  g: OnnxGraph,
  p: PlannedLayer,
  weights: NamedWeights,
  x: string,
): string {
  const s = p.name;
  const l = p.layer;
  const channels = p.input.at(-1) ?? 0;
  switch (l.kind) {
    case 'Input':
      throw new ExportRefusal(`Input '${s}' must be the first layer, and only that.`);
    case 'Dense': {
      const kernel = takeWeight(weights, s, 'kernel', [channels, l.params.units]);
      let y = g.op1(s, 'MatMul', [x, g.floats(s, 'kernel', kernel)]);
      if (l.params.use_bias) {
        y = g.op1(s, 'Add', [
          y,
          g.floats(s, 'bias', takeWeight(weights, s, 'bias', [l.params.units])),
        ]);
      }
      return activationNodes(g, s, l.params.activation, y);
    }
    case 'LSTM':
    case 'GRU':
    case 'SimpleRNN':
      return recurrentNodes(g, { ...p, layer: l }, weights, x);
    case 'Conv1D':
    case 'Conv2D': {
      const size = l.kind === 'Conv1D' ? [l.params.kernel_size] : [...l.params.kernel_size];
      const strides = l.kind === 'Conv1D' ? [l.params.strides] : [...l.params.strides];
      const dilation = l.kind === 'Conv1D' ? l.params.dilation_rate : 1;
      const f = l.params.filters;
      const kernel = takeWeight(weights, s, 'kernel', [...size, channels, f]);
      // Keras [k…, in, out] → ONNX [out, in, k…]
      const perm = size.length === 1 ? [2, 1, 0] : [3, 2, 0, 1];
      const inputs = [g.floats(s, 'kernel', permute(kernel, perm))];
      if (l.params.use_bias) inputs.push(g.floats(s, 'bias', takeWeight(weights, s, 'bias', [f])));
      const pads = size.map((k, i) =>
        padsFor(l.params.padding, p.input[i] ?? 0, k, strides[i] ?? 1, dilation),
      );
      const y = channelsFirst(g, p, x, (xf) =>
        g.op1(
          s,
          'Conv',
          [xf, ...inputs],
          [
            attr.ints('kernel_shape', size),
            attr.ints('strides', strides),
            attr.ints(
              'dilations',
              size.map(() => dilation),
            ),
            attr.ints('pads', [...pads.map((q) => q[0]), ...pads.map((q) => q[1])]),
          ],
        ),
      );
      return activationNodes(g, s, l.params.activation, y);
    }
    case 'MaxPooling1D':
    case 'AveragePooling1D':
    case 'MaxPooling2D': {
      const size = l.kind === 'MaxPooling2D' ? [...l.params.pool_size] : [l.params.pool_size];
      const given = l.params.strides;
      const strides = given === null ? size : typeof given === 'number' ? [given] : [...given];
      const pads = size.map((k, i) =>
        padsFor(l.params.padding, p.input[i] ?? 0, k, strides[i] ?? 1),
      );
      const average = l.kind === 'AveragePooling1D';
      return channelsFirst(g, p, x, (xf) =>
        g.op1(
          s,
          average ? 'AveragePool' : 'MaxPool',
          [xf],
          [
            attr.ints('kernel_shape', size),
            attr.ints('strides', strides),
            attr.ints('pads', [...pads.map((q) => q[0]), ...pads.map((q) => q[1])]),
            // TensorFlow averages over the real values only, never the padding.
            ...(average ? [attr.i('count_include_pad', 0)] : []),
          ],
        ),
      );
    }
    case 'GlobalAveragePooling1D':
    case 'GlobalMaxPooling1D': {
      const op = l.kind === 'GlobalMaxPooling1D' ? 'ReduceMax' : 'ReduceMean';
      return g.op1(s, op, [x], [attr.ints('axes', [1]), attr.i('keepdims', 0)]);
    }
    case 'Flatten':
      return g.op1(s, 'Flatten', [x], [attr.i('axis', 1)]);
    case 'Reshape':
      return g.op1(s, 'Reshape', [x, g.ints(s, 'shape', [-1, ...l.params.target_shape])]);
    case 'Dropout':
      // Dropout only acts in training; an exported model predicts.
      return g.op1(s, 'Identity', [x]);
    case 'BatchNormalization': {
      const { center, scale, epsilon } = l.params;
      const stats = [
        scale ? takeWeight(weights, s, 'gamma', [channels]) : ones(channels),
        center ? takeWeight(weights, s, 'beta', [channels]) : zeros(channels),
        takeWeight(weights, s, 'moving_mean', [channels]),
        takeWeight(weights, s, 'moving_variance', [channels]),
      ];
      const names = ['scale', 'B', 'mean', 'var'].map((k, i) =>
        g.floats(s, k, stats[i] ?? zeros(channels)),
      );
      return channelsFirst(g, p, x, (xf) =>
        g.op1(s, 'BatchNormalization', [xf, ...names], [attr.f('epsilon', epsilon)]),
      );
    }
    case 'Activation':
      return activationNodes(g, s, l.params.activation, x);
    case 'LeakyReLU':
      return g.op1(s, 'LeakyRelu', [x], [attr.f('alpha', l.params.alpha)]);
    case 'ELU':
      return g.op1(s, 'Elu', [x], [attr.f('alpha', l.params.alpha)]);
    case 'PReLU': {
      const alpha = takeWeight(weights, s, 'alpha', p.input);
      return g.op1(s, 'PRelu', [x, g.floats(s, 'alpha', alpha)]);
    }
  }
}
