import { defineLayer } from './params';
import { dim, noParams, ok } from './shape-math';
import { NO_KERAS_ARGS } from './keras-mapping';

export const globalMaxPooling1dDef = defineLayer({
  kind: 'GlobalMaxPooling1D',
  kerasClass: 'GlobalMaxPooling1D',
  group: 'Pooling',
  namePrefix: 'global_max_pooling1d',
  help: 'Keeps the largest value of each feature over all timesteps, turning (steps, features) into (features).',
  inputRank: { min: 3, max: 3, dims: '(batch, steps, features)' },
  params: {},
  pooling: 'max',
  keepsValueRange: true,
  keras: NO_KERAS_ARGS,
  outputShape: (input) => ok([null, dim(input, 2)]),
  paramCount: noParams,
});
