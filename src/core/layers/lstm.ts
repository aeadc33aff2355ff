import { activation, defineLayer } from './params';
import {
  RECURRENT_RANK,
  recurrentArgs,
  recurrentOutput,
  recurrentParamCount,
  recurrentParams,
} from './recurrent-base';

export const lstmDef = defineLayer({
  kind: 'LSTM',
  kerasClass: 'LSTM',
  group: 'Recurrent',
  namePrefix: 'lstm',
  help: 'Long Short-Term Memory: a recurrent layer whose input, forget and output gates decide what to keep in a cell state, so it remembers over long sequences.',
  inputRank: RECURRENT_RANK,
  params: {
    ...recurrentParams(),
    recurrent_activation: activation('sigmoid', 'Function used by the gates.'),
  },
  recurrent: true,
  keras: {
    config: (p) => ({ ...p }),
    args: (p) => recurrentArgs(p, p.recurrent_activation),
  },
  outputShape: recurrentOutput,
  paramCount: (input, p) => recurrentParamCount(4, input, p),
});
