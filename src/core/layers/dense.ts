import { activation, bool, defineLayer, int } from './params';
import { dim, ok, trainable } from './shape-math';
import { py } from './keras-mapping';

export const denseDef = defineLayer({
  kind: 'Dense',
  kerasClass: 'Dense',
  group: 'Core',
  namePrefix: 'dense',
  help: 'A fully connected layer: output = activation(dot(input, kernel) + bias). On inputs with more than 2 dimensions it acts on the last axis only.',
  inputRank: { min: 2, max: 4, dims: '(batch, …, features)' },
  params: {
    units: int(1, 4096, 32, 'Number of outputs (neurons).'),
    activation: activation('linear', 'Function applied to each output.'),
    use_bias: bool(true, 'Add a learned bias to each output.'),
  },
  keras: {
    config: (p) => ({ ...p }),
    args: (p) => [
      ['units', py.int(p.units)],
      ['activation', py.str(p.activation)],
      ['use_bias', py.bool(p.use_bias)],
    ],
  },
  outputShape: (input, p) => ok([...input.slice(0, -1), p.units]),
  paramCount: (input, p) => trainable(dim(input, -1) * p.units + (p.use_bias ? p.units : 0)),
});
