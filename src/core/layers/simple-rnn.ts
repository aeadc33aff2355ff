import { defineLayer } from './params';
import {
  RECURRENT_RANK,
  recurrentArgs,
  recurrentConfig,
  recurrentOutput,
  recurrentParamCount,
  recurrentParams,
} from './recurrent-base';

export const simpleRnnDef = defineLayer({
  kind: 'SimpleRNN',
  kerasClass: 'SimpleRNN',
  group: 'Recurrent',
  namePrefix: 'simple_rnn',
  help: 'Reads the sequence one step at a time: state = activation(dot(x, kernel) + dot(state, recurrent_kernel) + bias). Forgets quickly over long sequences.',
  inputRank: RECURRENT_RANK,
  params: recurrentParams(),
  recurrent: true,
  keras: { config: recurrentConfig, args: (p) => recurrentArgs(p) },
  outputShape: recurrentOutput,
  paramCount: (input, p) => recurrentParamCount(1, input, p),
});
