import type { ActivationId } from '../activations';
import { attr, type OnnxGraph } from './onnx-graph';

/** tfjs' SELU constants (scale · alpha and scale), which the model was trained with. */
const SELU_SCALE = 1.0507009873554805;
const SELU_ALPHA = 1.7580993408473768 / SELU_SCALE;

/**
 * A Keras activation as ONNX opset-13 nodes. Activations ONNX gained later (Mish, Gelu in 18
 * and 20) are composed from older operators so the file opens in runtimes of opset 13.
 */
export function activationNodes(g: OnnxGraph, scope: string, id: ActivationId, x: string): string {
  const op = (type: string, inputs: string[] = [x], attributes = []) =>
    g.op1(scope, type, inputs, attributes);
  switch (id) {
    case 'linear':
      return x;
    case 'relu':
      return op('Relu');
    case 'relu6':
      return op('Clip', [x, g.scalar(scope, 'zero', 0), g.scalar(scope, 'six', 6)]);
    case 'elu':
      return op('Elu');
    case 'selu':
      return g.op1(scope, 'Selu', [x], [attr.f('alpha', SELU_ALPHA), attr.f('gamma', SELU_SCALE)]);
    case 'sigmoid':
      return op('Sigmoid');
    case 'hard_sigmoid':
      // ONNX's defaults are tfjs' and Keras 2's slope and offset; Keras 3 changed its own.
      return g.op1(scope, 'HardSigmoid', [x], [attr.f('alpha', 0.2), attr.f('beta', 0.5)]);
    case 'tanh':
      return op('Tanh');
    case 'softmax':
      return g.op1(scope, 'Softmax', [x], [attr.i('axis', -1)]);
    case 'softplus':
      return op('Softplus');
    case 'softsign':
      return op('Softsign');
    case 'swish':
      return op('Mul', [x, op('Sigmoid')]);
    case 'mish':
      return op('Mul', [x, g.op1(scope, 'Tanh', [op('Softplus')])]);
    case 'gelu': {
      const erf = g.op1(scope, 'Erf', [op('Div', [x, g.scalar(scope, 'sqrt2', Math.SQRT2)])]);
      const cdf = op('Mul', [
        op('Add', [erf, g.scalar(scope, 'one', 1)]),
        g.scalar(scope, 'half', 0.5),
      ]);
      return op('Mul', [x, cdf]);
    }
  }
}

export { RECURRENT_ACTIVATIONS } from './onnx-support';
