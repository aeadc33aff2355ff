import { defineLayer, fixed } from './params';
import { noParams, ok } from './shape-math';
import { py } from './keras-mapping';

export const eluDef = defineLayer({
  kind: 'ELU',
  kerasClass: 'ELU',
  group: 'Advanced activations',
  namePrefix: 'elu',
  help: 'f(x) = x if x > 0, else alpha · (exp(x) − 1): a smooth ReLU that goes slightly negative, keeping the mean near zero.',
  inputRank: { min: 2, max: 4, dims: '(batch, …)' },
  params: {
    // tfjs-layers 4.22's ELU layer throws on any alpha but 1.0.
    alpha: fixed(1, 'alpha must be 1.0: the TensorFlow.js ELU layer supports no other value'),
  },
  keras: {
    config: (p) => ({ alpha: p.alpha }),
    args: (p) => [['alpha', py.float(p.alpha)]],
  },
  outputShape: (input) => ok(input),
  paramCount: noParams,
});
