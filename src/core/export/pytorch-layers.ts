import type { ActivationId } from '../activations';
import type { LayerSpecOf } from '../layers/catalog';
import { padsFor, type PlannedLayer } from './layer-plan';
import { pyBool, pyNumber, pyString, pyTuple } from './python';

/** Helper classes and functions a layer's code uses; each is written once into the script. */
export type TorchHelper = 'KerasRecurrent' | 'KerasBatchNorm' | 'avg_pool_same';

/** One layer of the module: its __init__ lines, forward lines and weight-loading lines. */
export interface TorchLayer {
  init: string[];
  forward: string[];
  load: string[];
  helpers: TorchHelper[];
  notes: string[];
}

const f = (n: number) => pyNumber(n, { float: true });

/** A Keras activation applied to `x`, as PyTorch writes it (tfjs' hard_sigmoid is the script's own). */
export function torchActivation(id: ActivationId, x: string): string {
  switch (id) {
    case 'linear':
      return x;
    case 'relu':
      return `torch.relu(${x})`;
    case 'relu6':
      return `F.relu6(${x})`;
    case 'elu':
      return `F.elu(${x})`;
    case 'selu':
      return `F.selu(${x})`;
    case 'sigmoid':
      return `torch.sigmoid(${x})`;
    case 'hard_sigmoid':
      return `hard_sigmoid(${x})`;
    case 'tanh':
      return `torch.tanh(${x})`;
    case 'softmax':
      return `torch.softmax(${x}, dim=-1)`;
    case 'softplus':
      return `F.softplus(${x})`;
    case 'softsign':
      return `F.softsign(${x})`;
    case 'swish':
      return `F.silu(${x})`;
    case 'mish':
      return `F.mish(${x})`;
    case 'gelu':
      return `F.gelu(${x})`;
  }
}

/** The activation as a callable, for the step-by-step recurrent module. */
const activationFn = (id: ActivationId) =>
  id === 'linear' ? 'lambda v: v' : `lambda v: ${torchActivation(id, 'v')}`;

/** `x = act(expr)`; a linear activation leaves the expression alone. */
const assign = (id: ActivationId, expr: string) => `x = ${torchActivation(id, expr)}`;

const take = (name: string, key: string) => `take(${pyString(`${name}/${key}`)})`;

type Recurrent = LayerSpecOf<'LSTM'> | LayerSpecOf<'GRU'> | LayerSpecOf<'SimpleRNN'>;

/**
 * PyTorch's nn.LSTM has Keras' gate order (i, f, g, o), its tanh and sigmoid; nn.RNN has tanh
 * or relu. Anything else, and every GRU (Keras' reset_after=False applies the reset gate before
 * the recurrent kernel; nn.GRU after it), runs as the script's KerasRecurrent, step by step.
 */
function recurrentLayer(p: PlannedLayer & { layer: Recurrent }, attr: string): TorchLayer {
  const l = p.layer;
  const { units, use_bias, return_sequences, activation, dropout, recurrent_dropout } = l.params;
  const features = p.input.at(-1) ?? 0;
  const s = p.name;
  const notes =
    dropout > 0 || recurrent_dropout > 0
      ? [
          `${l.kind} ${pyString(s)}: dropout and recurrent_dropout (${dropout}, ${recurrent_dropout}) apply only in Keras training; this script trains without them.`,
        ]
      : [];
  const builtin =
    (l.kind === 'LSTM' && activation === 'tanh' && l.params.recurrent_activation === 'sigmoid') ||
    (l.kind === 'SimpleRNN' && (activation === 'tanh' || activation === 'relu'));
  if (builtin) {
    const cls =
      l.kind === 'LSTM'
        ? `nn.LSTM(${features}, ${units}, bias=${pyBool(use_bias)}, batch_first=True)`
        : `nn.RNN(${features}, ${units}, nonlinearity=${pyString(activation)}, bias=${pyBool(use_bias)}, batch_first=True)`;
    const m = `model.${attr}`;
    return {
      init: [`self.${attr} = ${cls}`],
      forward: [`x, _ = self.${attr}(x)`, ...(return_sequences ? [] : ['x = x[:, -1]'])],
      load: [
        `${m}.weight_ih_l0.copy_(${take(s, 'kernel')}.T)`,
        `${m}.weight_hh_l0.copy_(${take(s, 'recurrent_kernel')}.T)`,
        ...(use_bias
          ? [
              // Keras has one bias per gate; PyTorch adds two, so the second stays zero.
              `${m}.bias_ih_l0.copy_(${take(s, 'bias')})`,
              `${m}.bias_hh_l0.zero_()`,
            ]
          : []),
      ],
      helpers: [],
      notes,
    };
  }
  const gate = l.kind === 'SimpleRNN' ? activation : l.params.recurrent_activation;
  const args = [
    pyString(l.kind),
    String(features),
    String(units),
    activationFn(activation),
    activationFn(gate),
    pyBool(use_bias),
    pyBool(return_sequences),
  ];
  return {
    init: [`self.${attr} = KerasRecurrent(${args.join(', ')})`],
    forward: [`x = self.${attr}(x)`],
    load: [
      `model.${attr}.kernel.copy_(${take(s, 'kernel')})`,
      `model.${attr}.recurrent_kernel.copy_(${take(s, 'recurrent_kernel')})`,
      ...(use_bias ? [`model.${attr}.bias.copy_(${take(s, 'bias')})`] : []),
    ],
    helpers: ['KerasRecurrent'],
    notes,
  };
}

const plain = (forward: string[], init: string[] = [], load: string[] = []): TorchLayer => ({
  init,
  forward,
  load,
  helpers: [],
  notes: [],
});

/** F.pad's list: the last axis first, (before, after) each. */
const torchPads = (pads: [number, number][]) => [...pads].reverse().flat();

/**
 * One Keras layer as PyTorch code. Tensors between layers stay in Keras' channels-last
 * layout, so Flatten and Reshape keep Keras' element order; convolutions and pooling move
 * channels first around themselves and pad as TensorFlow does ('same' puts the odd pad after).
 */
export function torchLayer(p: PlannedLayer, attr: string): TorchLayer {
  const l = p.layer;
  const s = p.name;
  const channels = p.input.at(-1) ?? 0;
  switch (l.kind) {
    case 'Input':
      return plain([]);
    case 'Dense': {
      const { units, use_bias, activation } = l.params;
      return plain(
        [assign(activation, `self.${attr}(x)`)],
        [`self.${attr} = nn.Linear(${channels}, ${units}, bias=${pyBool(use_bias)})`],
        [
          `model.${attr}.weight.copy_(${take(s, 'kernel')}.T)`,
          ...(use_bias ? [`model.${attr}.bias.copy_(${take(s, 'bias')})`] : []),
        ],
      );
    }
    case 'LSTM':
    case 'GRU':
    case 'SimpleRNN':
      return recurrentLayer({ ...p, layer: l }, attr);
    case 'Conv1D':
    case 'Conv2D': {
      const one = l.kind === 'Conv1D';
      const size = one ? [l.params.kernel_size] : [...l.params.kernel_size];
      const strides = one ? [l.params.strides] : [...l.params.strides];
      const dilation = one ? l.params.dilation_rate : 1;
      const pads = size.map((k, i) =>
        padsFor(l.params.padding, p.input[i] ?? 0, k, strides[i] ?? 1, dilation),
      );
      const cls = one ? 'nn.Conv1d' : 'nn.Conv2d';
      const args = [
        String(channels),
        String(l.params.filters),
        pyTuple(size.map(String)),
        `stride=${pyTuple(strides.map(String))}`,
        `dilation=${dilation}`,
        `bias=${pyBool(l.params.use_bias)}`,
      ];
      const [toFirst, toLast] = one
        ? ['x.transpose(1, 2)', '.transpose(1, 2)']
        : ['x.permute(0, 3, 1, 2)', '.permute(0, 2, 3, 1)'];
      const padded = pads.flat().some((n) => n > 0)
        ? `F.pad(${toFirst}, ${pyTuple(torchPads(pads).map(String))})`
        : toFirst;
      return plain(
        [assign(l.params.activation, `self.${attr}(${padded})${toLast}`)],
        [`self.${attr} = ${cls}(${args.join(', ')})`],
        [
          // Keras keeps kernels as (size…, in, out); PyTorch as (out, in, size…).
          `model.${attr}.weight.copy_(${take(s, 'kernel')}.permute(${one ? '2, 1, 0' : '3, 2, 0, 1'}))`,
          ...(l.params.use_bias ? [`model.${attr}.bias.copy_(${take(s, 'bias')})`] : []),
        ],
      );
    }
    case 'MaxPooling1D':
    case 'AveragePooling1D':
    case 'MaxPooling2D': {
      const two = l.kind === 'MaxPooling2D';
      const size = two ? [...l.params.pool_size] : [l.params.pool_size];
      const given = l.params.strides;
      const strides = given === null ? size : typeof given === 'number' ? [given] : [...given];
      const pads = size.map((k, i) =>
        padsFor(l.params.padding, p.input[i] ?? 0, k, strides[i] ?? 1),
      );
      const padList = pyTuple(torchPads(pads).map(String));
      const [toFirst, toLast] = two
        ? ['x.permute(0, 3, 1, 2)', '.permute(0, 2, 3, 1)']
        : ['x.transpose(1, 2)', '.transpose(1, 2)'];
      const k = pyTuple(size.map(String));
      const st = pyTuple(strides.map(String));
      const padded = pads.flat().some((n) => n > 0);
      if (l.kind === 'AveragePooling1D') {
        // TensorFlow averages the real values of a window only, never the padding.
        return padded
          ? {
              ...plain([`x = avg_pool_same(${toFirst}, ${k}, ${st}, ${padList})${toLast}`]),
              helpers: ['avg_pool_same'],
            }
          : plain([`x = F.avg_pool1d(${toFirst}, ${k}, ${st})${toLast}`]);
      }
      const pool = two ? 'F.max_pool2d' : 'F.max_pool1d';
      const input = padded ? `F.pad(${toFirst}, ${padList}, value=-math.inf)` : toFirst;
      return plain([`x = ${pool}(${input}, ${k}, ${st})${toLast}`]);
    }
    case 'GlobalAveragePooling1D':
      return plain(['x = x.mean(dim=1)']);
    case 'GlobalMaxPooling1D':
      return plain(['x = x.amax(dim=1)']);
    case 'Flatten':
      return plain(['x = x.flatten(1)']);
    case 'Reshape':
      return plain([`x = x.reshape(-1, ${l.params.target_shape.join(', ')})`]);
    case 'Dropout':
      return plain([`x = self.${attr}(x)`], [`self.${attr} = nn.Dropout(${f(l.params.rate)})`]);
    case 'BatchNormalization': {
      const { momentum, epsilon, center, scale } = l.params;
      const args = [String(channels), f(momentum), f(epsilon), pyBool(center), pyBool(scale)];
      return {
        ...plain(
          [`x = self.${attr}(x)`],
          [`self.${attr} = KerasBatchNorm(${args.join(', ')})`],
          [
            ...(scale ? [`model.${attr}.weight.copy_(${take(s, 'gamma')})`] : []),
            ...(center ? [`model.${attr}.bias.copy_(${take(s, 'beta')})`] : []),
            `model.${attr}.running_mean.copy_(${take(s, 'moving_mean')})`,
            `model.${attr}.running_var.copy_(${take(s, 'moving_variance')})`,
          ],
        ),
        helpers: ['KerasBatchNorm'],
      };
    }
    case 'Activation':
      return plain([assign(l.params.activation, 'x')]);
    case 'LeakyReLU':
      return plain([`x = F.leaky_relu(x, ${f(l.params.alpha)})`]);
    case 'ELU':
      return plain([`x = F.elu(x, ${f(l.params.alpha)})`]);
    case 'PReLU':
      // One learned slope per value of an example, as Keras' PReLU without shared_axes.
      return plain(
        [`x = torch.relu(x) - self.${attr} * torch.relu(-x)`],
        [`self.${attr} = nn.Parameter(torch.zeros(${p.input.join(', ')}))`],
        [`model.${attr}.copy_(${take(s, 'alpha')})`],
      );
  }
}
