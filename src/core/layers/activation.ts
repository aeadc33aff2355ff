import { activation, defineLayer } from './params';
import { noParams, ok } from './shape-math';
import { py } from './keras-mapping';

export const activationDef = defineLayer({
  kind: 'Activation',
  kerasClass: 'Activation',
  group: 'Activation',
  namePrefix: 'activation',
  help: 'Applies one activation function to every value; the shape does not change.',
  inputRank: { min: 2, max: 4, dims: '(batch, …)' },
  params: {
    activation: activation('relu', 'The function to apply.'),
  },
  keras: {
    config: (p) => ({ activation: p.activation }),
    args: (p) => [['activation', py.str(p.activation)]],
  },
  outputShape: (input) => ok(input),
  paramCount: noParams,
});
