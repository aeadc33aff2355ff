import type { LayerSpec } from '../layers/catalog';
import { pyBool, pyKwargs, pyNumber, pyString, pyTuple } from './python';

type Kwarg = readonly [string, string];

const int = (n: number) => pyNumber(n);
const float = (n: number) => pyNumber(n, { float: true });
const str = (s: string) => pyString(s);
const ints = (xs: readonly number[]) => pyTuple(xs.map(int));

interface Call {
  /** `layers.Dense` or `keras.Input`. */
  callee: string;
  args: Kwarg[];
  /** A note for the end of the line, about a Keras version difference. */
  note?: string;
}

/** SimpleRNN has no gates, so no recurrent_activation. */
function recurrent(
  p: {
    units: number;
    activation: string;
    use_bias: boolean;
    dropout: number;
    recurrent_dropout: number;
    return_sequences: boolean;
  },
  recurrentActivation?: string,
): Kwarg[] {
  const gates: Kwarg[] =
    recurrentActivation === undefined ? [] : [['recurrent_activation', str(recurrentActivation)]];
  return [
    ['units', int(p.units)],
    ['activation', str(p.activation)],
    ...gates,
    ['use_bias', pyBool(p.use_bias)],
    ['dropout', float(p.dropout)],
    ['recurrent_dropout', float(p.recurrent_dropout)],
    ['return_sequences', pyBool(p.return_sequences)],
  ];
}

/** Keras arguments for each kind, every one written out: Keras defaults change between versions. */
function call(layer: LayerSpec): Call {
  switch (layer.kind) {
    case 'Input':
      return { callee: 'keras.Input', args: [['shape', ints(layer.params.shape)]] };
    case 'Dense': {
      const p = layer.params;
      const args: Kwarg[] = [
        ['units', int(p.units)],
        ['activation', str(p.activation)],
      ];
      return { callee: 'layers.Dense', args: [...args, ['use_bias', pyBool(p.use_bias)]] };
    }
    case 'SimpleRNN':
      return { callee: 'layers.SimpleRNN', args: recurrent(layer.params) };
    case 'LSTM':
      return {
        callee: 'layers.LSTM',
        args: recurrent(layer.params, layer.params.recurrent_activation),
      };
    case 'GRU': {
      const resetAfter: Kwarg = ['reset_after', pyBool(layer.params.reset_after)];
      return {
        callee: 'layers.GRU',
        args: [...recurrent(layer.params, layer.params.recurrent_activation), resetAfter],
        note: 'TensorFlow.js trains only the reset_after=False GRU; Keras defaults to True',
      };
    }
    case 'Conv1D': {
      const p = layer.params;
      return {
        callee: 'layers.Conv1D',
        args: [
          ['filters', int(p.filters)],
          ['kernel_size', int(p.kernel_size)],
          ['strides', int(p.strides)],
          ['padding', str(p.padding)],
          ['dilation_rate', int(p.dilation_rate)],
          ['activation', str(p.activation)],
          ['use_bias', pyBool(p.use_bias)],
        ],
      };
    }
    case 'Conv2D': {
      const p = layer.params;
      return {
        callee: 'layers.Conv2D',
        args: [
          ['filters', int(p.filters)],
          ['kernel_size', ints(p.kernel_size)],
          ['strides', ints(p.strides)],
          ['padding', str(p.padding)],
          ['activation', str(p.activation)],
          ['use_bias', pyBool(p.use_bias)],
        ],
      };
    }
    case 'MaxPooling1D':
    case 'AveragePooling1D': {
      const p = layer.params;
      const strides = p.strides === null ? 'None' : int(p.strides);
      const args: Kwarg[] = [
        ['pool_size', int(p.pool_size)],
        ['strides', strides],
      ];
      return { callee: `layers.${layer.kind}`, args: [...args, ['padding', str(p.padding)]] };
    }
    case 'MaxPooling2D': {
      const p = layer.params;
      const strides = p.strides === null ? 'None' : ints(p.strides);
      const args: Kwarg[] = [
        ['pool_size', ints(p.pool_size)],
        ['strides', strides],
      ];
      return { callee: 'layers.MaxPooling2D', args: [...args, ['padding', str(p.padding)]] };
    }
    case 'GlobalAveragePooling1D':
    case 'GlobalMaxPooling1D':
    case 'Flatten':
    case 'PReLU':
      return { callee: `layers.${layer.kind}`, args: [] };
    case 'Reshape':
      return {
        callee: 'layers.Reshape',
        args: [['target_shape', ints(layer.params.target_shape)]],
      };
    case 'Dropout':
      return { callee: 'layers.Dropout', args: [['rate', float(layer.params.rate)]] };
    case 'BatchNormalization': {
      const p = layer.params;
      return {
        callee: 'layers.BatchNormalization',
        args: [
          ['momentum', float(p.momentum)],
          ['epsilon', float(p.epsilon)],
          ['center', pyBool(p.center)],
          ['scale', pyBool(p.scale)],
        ],
      };
    }
    case 'Activation':
      return { callee: 'layers.Activation', args: [['activation', str(layer.params.activation)]] };
    case 'LeakyReLU':
      return {
        callee: 'layers.LeakyReLU',
        args: [['negative_slope', float(layer.params.alpha)]],
        note: 'Keras 3 name; Keras 2 (TensorFlow <= 2.15) calls it alpha',
      };
    case 'ELU':
      return { callee: 'layers.ELU', args: [['alpha', float(layer.params.alpha)]] };
  }
}

/** One line of the Sequential list: `layers.Dense(units=8, ..., name="dense"),  # note`. */
export function kerasLayerLine(layer: LayerSpec, name: string): string {
  const c = call(layer);
  const args = pyKwargs([...c.args, ['name', pyString(name)]]);
  const line = `${c.callee}(${args}),`;
  return c.note ? `${line}  # ${c.note}` : line;
}
