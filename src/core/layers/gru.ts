import { activation, defineLayer, fixed } from './params';
import {
  RECURRENT_RANK,
  recurrentArgs,
  recurrentOutput,
  recurrentParamCount,
  recurrentParams,
} from './recurrent-base';
import { py } from './keras-mapping';

export const gruDef = defineLayer({
  kind: 'GRU',
  kerasClass: 'GRU',
  group: 'Recurrent',
  namePrefix: 'gru',
  help: 'Gated Recurrent Unit: a lighter LSTM with update and reset gates and no separate cell state.',
  inputRank: RECURRENT_RANK,
  params: {
    ...recurrentParams(),
    recurrent_activation: activation('sigmoid', 'Function used by the gates.'),
    // tfjs-layers 4.22 throws on reset_after=true, so this is Keras's reset_after=False GRU:
    // 3 × (units × (features + units) + units) params, one bias row per gate fewer than Keras 2's
    // default. Kept in the params so an export writes reset_after=False explicitly.
    reset_after: fixed(
      false,
      'reset_after must be false: TensorFlow.js only supports the reset_after=False GRU',
    ),
  },
  recurrent: true,
  keras: {
    config: (p) => ({ ...p }),
    args: (p) => [
      ...recurrentArgs(p, p.recurrent_activation),
      ['reset_after', py.bool(p.reset_after)],
    ],
    note: 'TensorFlow.js trains only the reset_after=False GRU; Keras defaults to True',
  },
  outputShape: recurrentOutput,
  paramCount: (input, p) => recurrentParamCount(3, input, p),
});
