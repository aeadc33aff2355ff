import { defineLayer } from './params';
import { dim, noParams, ok } from './shape-math';
import { NO_KERAS_ARGS } from './keras-mapping';

export const globalAveragePooling1dDef = defineLayer({
  kind: 'GlobalAveragePooling1D',
  kerasClass: 'GlobalAveragePooling1D',
  group: 'Pooling',
  namePrefix: 'global_average_pooling1d',
  help: 'Averages each feature over all timesteps, turning (steps, features) into (features).',
  inputRank: { min: 3, max: 3, dims: '(batch, steps, features)' },
  params: {},
  pooling: 'average',
  keepsValueRange: true,
  keras: NO_KERAS_ARGS,
  outputShape: (input) => ok([null, dim(input, 2)]),
  paramCount: noParams,
});
