import { defineLayer } from './params';
import { POOLING1D_RANK, pooling1dKeras, pooling1dOutput, pooling1dParams } from './pooling1d-base';
import { noParams } from './shape-math';

export const maxPooling1dDef = defineLayer({
  kind: 'MaxPooling1D',
  kerasClass: 'MaxPooling1D',
  group: 'Pooling',
  namePrefix: 'max_pooling1d',
  help: 'Downsamples across time by keeping the largest value in each window: pool_size is the window, strides the step (defaults to pool_size), padding valid or same.',
  inputRank: POOLING1D_RANK,
  params: pooling1dParams(),
  pooling: 'max',
  keepsValueRange: true,
  keras: pooling1dKeras,
  outputShape: (input, p) => pooling1dOutput('MaxPooling1D', input, p),
  paramCount: noParams,
});
