import { defineLayer } from './params';
import { dim, noParams, ok } from './shape-math';

export const globalMaxPooling1dDef = defineLayer({
  kind: 'GlobalMaxPooling1D',
  kerasClass: 'GlobalMaxPooling1D',
  group: 'Pooling',
  namePrefix: 'global_max_pooling1d',
  help: 'Keeps the largest value of each feature over all timesteps, turning (steps, features) into (features).',
  inputRank: { min: 3, max: 3, dims: '(batch, steps, features)' },
  params: {},
  outputShape: (input) => ok([null, dim(input, 2)]),
  paramCount: noParams,
});
