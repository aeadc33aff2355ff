import { defineLayer } from './params';
import { POOLING1D_RANK, pooling1dKeras, pooling1dOutput, pooling1dParams } from './pooling1d-base';
import { noParams } from './shape-math';

export const averagePooling1dDef = defineLayer({
  kind: 'AveragePooling1D',
  kerasClass: 'AveragePooling1D',
  group: 'Pooling',
  namePrefix: 'average_pooling1d',
  help: 'Downsamples across time by averaging each window: pool_size is the window, strides the step (defaults to pool_size), padding valid or same.',
  inputRank: POOLING1D_RANK,
  params: pooling1dParams(),
  pooling: 'average',
  keepsValueRange: true,
  keras: pooling1dKeras,
  outputShape: (input, p) => pooling1dOutput('AveragePooling1D', input, p),
  paramCount: noParams,
});
