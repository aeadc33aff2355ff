import { py, type Kwarg } from './keras-mapping';
import { activation, bool, float, int } from './params';
import { dim, ok, trainable } from './shape-math';
import type { InputRank, ParamCount, Shape } from './types';
import type { Result } from '../result';

export const RECURRENT_RANK: InputRank = { min: 3, max: 3, dims: '(batch, timesteps, features)' };

/** The arguments SimpleRNN, LSTM and GRU share, with Keras defaults. */
export const recurrentParams = () => ({
  units: int(1, 4096, 32, 'Size of the hidden state (and of each output step).'),
  activation: activation('tanh', 'Function applied to the new state.'),
  use_bias: bool(true, 'Add a learned bias inside each gate.'),
  return_sequences: bool(
    false,
    'Output the state at every timestep (needed before another recurrent layer) instead of only the last one.',
  ),
  dropout: float(0, 1, 0, 'Fraction of the inputs dropped during training.', {
    maxExclusive: true,
  }),
  recurrent_dropout: float(0, 1, 0, 'Fraction of the carried state dropped during training.', {
    maxExclusive: true,
  }),
});

export function recurrentOutput(
  input: Shape,
  p: { units: number; return_sequences: boolean },
): Result<Shape> {
  return ok(p.return_sequences ? [null, input[1] ?? null, p.units] : [null, p.units]);
}

/** Each gate has an input kernel, a recurrent kernel and (optionally) a bias. */
export function recurrentParamCount(
  gates: number,
  input: Shape,
  p: { units: number; use_bias: boolean },
): ParamCount {
  const perGate = p.units * (dim(input, -1) + p.units) + (p.use_bias ? p.units : 0);
  return trainable(gates * perGate);
}

interface RecurrentKeras {
  units: number;
  activation: string;
  use_bias: boolean;
  dropout: number;
  recurrent_dropout: number;
  return_sequences: boolean;
}

/** SimpleRNN's Keras config: only the arguments the three recurrent kinds share. */
export function recurrentConfig(p: RecurrentKeras): Record<string, unknown> {
  const { units, activation, use_bias, dropout, recurrent_dropout, return_sequences } = p;
  return { units, activation, use_bias, dropout, recurrent_dropout, return_sequences };
}

/** SimpleRNN has no gates, so no recurrent_activation. */
export function recurrentArgs(p: RecurrentKeras, recurrentActivation?: string): Kwarg[] {
  const gates: Kwarg[] =
    recurrentActivation === undefined
      ? []
      : [['recurrent_activation', py.str(recurrentActivation)]];
  return [
    ['units', py.int(p.units)],
    ['activation', py.str(p.activation)],
    ...gates,
    ['use_bias', py.bool(p.use_bias)],
    ['dropout', py.float(p.dropout)],
    ['recurrent_dropout', py.float(p.recurrent_dropout)],
    ['return_sequences', py.bool(p.return_sequences)],
  ];
}
