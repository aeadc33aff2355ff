import * as tf from '@tensorflow/tfjs';
import { windowLength } from '../core/layers/shape-math';
import type { TfActivation } from './tf-activation';

type Kwargs = Parameters<tf.layers.Layer['call']>[1];
type TfShape = (number | null)[];
type LayerShapeArg = Parameters<tf.layers.Layer['computeOutputShape']>[0];
type LayerArgs = ConstructorParameters<typeof tf.layers.Layer>[0];

// tfjs does not export its Conv1D class; every conv1d layer is an instance of it.
const Conv1DBase = tf.layers.conv1d({ filters: 1, kernelSize: 1 })
  .constructor as typeof tf.layers.Layer;

export interface PaddedConvArgs {
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
export class PaddedConv1D extends Conv1DBase {
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
