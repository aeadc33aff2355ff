import * as tf from '@tensorflow/tfjs';
import type { ActivationId } from '../core/activations';
import type { LayerSpec, LayerSpecOf } from '../core/layers/catalog';
import { windowLength } from '../core/layers/shape-math';
import { layerNames, type ModelSpec } from '../core/model-spec';
import { inferShapes } from '../core/shapes';

type TfActivation = NonNullable<Parameters<typeof tf.layers.dense>[0]['activation']>;
type Kwargs = Parameters<tf.layers.Layer['call']>[1];
type TfShape = (number | null)[];
type LayerShapeArg = Parameters<tf.layers.Layer['computeOutputShape']>[0];
type LayerArgs = ConstructorParameters<typeof tf.layers.Layer>[0];

/** Keras identifiers → tfjs ones; tfjs spells only hard_sigmoid differently. */
const TFJS_ACTIVATION: Record<ActivationId, TfActivation> = {
  linear: 'linear',
  relu: 'relu',
  relu6: 'relu6',
  elu: 'elu',
  selu: 'selu',
  sigmoid: 'sigmoid',
  hard_sigmoid: 'hardSigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  softplus: 'softplus',
  softsign: 'softsign',
  swish: 'swish',
  mish: 'mish',
  gelu: 'gelu',
};

// tfjs does not export its Conv1D class; every conv1d layer is an instance of it.
const Conv1DBase = tf.layers.conv1d({ filters: 1, kernelSize: 1 })
  .constructor as typeof tf.layers.Layer;

interface PaddedConvArgs {
  filters: number;
  kernelSize: number;
  strides: number;
  padding: 'valid' | 'same' | 'causal';
  dilationRate: number;
  activation: TfActivation;
  useBias: boolean;
  name: string;
  kernelInitializer?: ReturnType<typeof tf.initializers.glorotUniform>;
}

/**
 * Conv1D with what tfjs-layers 4.22 lacks: its computeOutputShape treats 'causal' as 'valid' and
 * its call() throws on 'causal', and tfjs has no gradient for dilation > 1. This pads explicitly
 * and, for dilation d, runs a dilation-1 convolution on each of the d interleaved phases of the
 * sequence (space-to-batch), which trains. Its class name stays 'Conv1D'.
 */
class PaddedConv1D extends Conv1DBase {
  private readonly spec: PaddedConvArgs;

  constructor(args: PaddedConvArgs) {
    super({ ...args, padding: 'valid', dilationRate: 1 } as LayerArgs);
    // Keras and tfjs's own conv1d refuse this too; the phase split below would compute nonsense.
    if (args.strides > 1 && args.dilationRate > 1) {
      throw new Error('Conv1D: strides > 1 is incompatible with dilation_rate > 1');
    }
    this.spec = args;
  }

  override computeOutputShape(inputShape: LayerShapeArg): TfShape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as TfShape;
    const steps = shape[1];
    const { kernelSize, padding, strides, dilationRate, filters } = this.spec;
    const length =
      steps == null ? null : windowLength(steps, kernelSize, padding, strides, dilationRate);
    return [shape[0] ?? null, length, filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const { kernelSize: k, dilationRate: d, padding } = this.spec;
      const span = (k - 1) * d + 1;
      const total = padding === 'valid' ? 0 : span - 1;
      const left = padding === 'causal' ? total : Math.floor(total / 2);
      const padded = tf.pad(x, [
        [0, 0],
        [left, total - left],
        [0, 0],
      ]);
      const conv = (t: tf.Tensor) => super.call(t, kwargs) as tf.Tensor3D;
      if (d === 1) return conv(padded);
      const [batch, length, channels] = padded.shape;
      const phaseLength = Math.ceil(length / d);
      const phases = tf
        .pad(padded, [
          [0, 0],
          [0, phaseLength * d - length],
          [0, 0],
        ])
        .reshape([batch, phaseLength, d, channels])
        .transpose([2, 0, 1, 3])
        .reshape([d * batch, phaseLength, channels]);
      const y = conv(phases);
      const [, outPerPhase, filters] = y.shape;
      const merged = y
        .reshape([d, batch, outPerPhase, filters])
        .transpose([1, 2, 0, 3])
        .reshape([batch, outPerPhase * d, filters]);
      return merged.slice([0, 0, 0], [batch, length - span + 1, filters]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      padding: this.spec.padding,
      dilationRate: this.spec.dilationRate,
    };
  }
}

/**
 * Keras's initialisers for layer i (tfjs defaults kernels to glorotNormal, Keras to
 * glorotUniform), seeded when a seed is given so two builds start from the same weights.
 */
function initialisers(seed: number | undefined, i: number) {
  const s = seed === undefined ? undefined : seed * 1000 + i * 3;
  const withSeed = (offset: number) => (s === undefined ? {} : { seed: s + offset });
  const kernelInitializer = tf.initializers.glorotUniform(withSeed(0));
  return {
    kernel: { kernelInitializer },
    recurrent: {
      kernelInitializer,
      recurrentInitializer: tf.initializers.orthogonal({ gain: 1, ...withSeed(1) }),
    },
    dropout: withSeed(2),
  };
}

function recurrentArgs(l: LayerSpecOf<'SimpleRNN' | 'LSTM' | 'GRU'>) {
  const p = l.params;
  return {
    units: p.units,
    activation: TFJS_ACTIVATION[p.activation],
    useBias: p.use_bias,
    returnSequences: p.return_sequences,
    dropout: p.dropout,
    recurrentDropout: p.recurrent_dropout,
  };
}

function toTfLayer(
  layer: LayerSpec,
  name: string,
  init: ReturnType<typeof initialisers>,
): tf.layers.Layer {
  switch (layer.kind) {
    case 'Input':
      return tf.layers.inputLayer({ inputShape: layer.params.shape, name });
    case 'Dense': {
      const p = layer.params;
      const act = TFJS_ACTIVATION[p.activation];
      return tf.layers.dense({
        units: p.units,
        activation: act,
        useBias: p.use_bias,
        name,
        ...init.kernel,
      });
    }
    case 'SimpleRNN':
      return tf.layers.simpleRNN({ ...recurrentArgs(layer), name, ...init.recurrent });
    case 'LSTM': {
      const recurrentActivation = TFJS_ACTIVATION[layer.params.recurrent_activation];
      return tf.layers.lstm({
        ...recurrentArgs(layer),
        recurrentActivation,
        name,
        ...init.recurrent,
      });
    }
    case 'GRU': {
      // reset_after is always false here: tfjs 4.22 supports nothing else (see core gru.ts).
      const recurrentActivation = TFJS_ACTIVATION[layer.params.recurrent_activation];
      return tf.layers.gru({
        ...recurrentArgs(layer),
        recurrentActivation,
        name,
        ...init.recurrent,
      });
    }
    case 'Conv1D': {
      const p = layer.params;
      const args = {
        filters: p.filters,
        kernelSize: p.kernel_size,
        strides: p.strides,
        padding: p.padding,
        dilationRate: p.dilation_rate,
        activation: TFJS_ACTIVATION[p.activation],
        useBias: p.use_bias,
        name,
        ...init.kernel,
      };
      if (p.padding === 'causal' || p.dilation_rate > 1) return new PaddedConv1D(args);
      return tf.layers.conv1d({ ...args, padding: p.padding });
    }
    case 'Conv2D': {
      const p = layer.params;
      return tf.layers.conv2d({
        filters: p.filters,
        kernelSize: p.kernel_size,
        strides: p.strides,
        padding: p.padding,
        activation: TFJS_ACTIVATION[p.activation],
        useBias: p.use_bias,
        dataFormat: 'channelsLast',
        name,
        ...init.kernel,
      });
    }
    case 'MaxPooling1D':
    case 'AveragePooling1D': {
      const p = layer.params;
      const args = {
        poolSize: p.pool_size,
        strides: p.strides ?? p.pool_size,
        padding: p.padding,
        name,
      };
      return layer.kind === 'MaxPooling1D'
        ? tf.layers.maxPooling1d(args)
        : tf.layers.averagePooling1d(args);
    }
    case 'MaxPooling2D': {
      const p = layer.params;
      const poolSize: [number, number] = [p.pool_size[0] ?? 2, p.pool_size[1] ?? 2];
      const strides: [number, number] = p.strides
        ? [p.strides[0] ?? 2, p.strides[1] ?? 2]
        : poolSize;
      return tf.layers.maxPooling2d({ poolSize, strides, padding: p.padding, name });
    }
    case 'GlobalAveragePooling1D':
      return tf.layers.globalAveragePooling1d({ name });
    case 'GlobalMaxPooling1D':
      return tf.layers.globalMaxPooling1d({ name });
    case 'Flatten':
      return tf.layers.flatten({ name });
    case 'Reshape':
      return tf.layers.reshape({ targetShape: layer.params.target_shape, name });
    case 'Dropout':
      return tf.layers.dropout({ rate: layer.params.rate, name, ...init.dropout });
    case 'BatchNormalization': {
      const { momentum, epsilon, center, scale } = layer.params;
      return tf.layers.batchNormalization({ momentum, epsilon, center, scale, name });
    }
    case 'Activation':
      return tf.layers.activation({ activation: TFJS_ACTIVATION[layer.params.activation], name });
    case 'PReLU':
      return tf.layers.prelu({ name });
    case 'LeakyReLU':
      return tf.layers.leakyReLU({ alpha: layer.params.alpha, name });
    case 'ELU':
      return tf.layers.elu({ alpha: layer.params.alpha, name });
  }
}

/**
 * Keras's unit_forget_bias: the LSTM forget gate (gates are ordered i, f, c, o) starts with a
 * bias of 1 so the cell remembers by default. tfjs's own unitForgetBias leaks 4 tensors per
 * build, so the bias is written after the layer is built instead.
 */
function setForgetBias(lstm: tf.layers.Layer, units: number): void {
  const [kernel, recurrent] = lstm.getWeights();
  if (!kernel || !recurrent) return;
  const bias = tf.tidy(() =>
    tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]),
  );
  lstm.setWeights([kernel, recurrent, bias]);
  bias.dispose();
}

export interface BuildOptions {
  /** Seeds every initialiser and Dropout so two builds start from the same weights. */
  seed?: number;
  /** false skips inferShapes, so tests can watch tfjs itself refuse what the core refuses. */
  validate?: boolean;
}

/**
 * The tfjs model for a spec, layer i of the spec being model.layers[i] (the Input becomes an
 * explicit InputLayer) and named as the summary names it. Throws on a spec inferShapes refuses:
 * check the report first, this is not the place users learn what is wrong.
 */
export function buildModel(spec: ModelSpec, opts: BuildOptions = {}): tf.Sequential {
  const report = opts.validate === false ? undefined : inferShapes(spec);
  if (report && !report.ok) {
    throw new Error(`Cannot build an invalid model: ${report.errors[0]?.message ?? ''}`);
  }
  const names = layerNames(spec);
  const model = tf.sequential();
  let pending: tf.layers.Layer | undefined;
  try {
    spec.layers.forEach((layer, i) => {
      pending = toTfLayer(layer, names[i] ?? layer.id, initialisers(opts.seed, i));
      model.add(pending);
      if (layer.kind === 'LSTM' && layer.params.use_bias)
        setForgetBias(pending, layer.params.units);
    });
  } catch (e) {
    // A layer can create its weights and then fail its shape check, outside the model.
    if (pending && !model.layers.includes(pending)) pending.weights.forEach((w) => w.dispose());
    model.dispose();
    throw e;
  }
  return model;
}

interface CellWithMasks {
  dropoutMask?: tf.Tensor | tf.Tensor[] | null;
  recurrentDropoutMask?: tf.Tensor | tf.Tensor[] | null;
}

/**
 * model.dispose() plus what it misses: tfjs RNN cells with dropout keep their last dropout masks
 * (tf.keep) until their next call, and nothing frees them when the model goes, so each rebuilt
 * model would leak a few tensors. Use this instead of model.dispose().
 */
export function disposeModel(model: tf.LayersModel): void {
  for (const layer of model.layers) {
    const cell = (layer as { cell?: CellWithMasks }).cell;
    if (!cell) continue;
    if (cell.dropoutMask) tf.dispose(cell.dropoutMask);
    if (cell.recurrentDropoutMask) tf.dispose(cell.recurrentDropoutMask);
    cell.dropoutMask = null;
    cell.recurrentDropoutMask = null;
  }
  model.dispose();
}
