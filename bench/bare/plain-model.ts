import * as tf from '@tensorflow/tfjs';
import type { LayerRecipe } from './protocol';

type Activation = NonNullable<Parameters<typeof tf.layers.dense>[0]['activation']>;

/**
 * The workload written as anyone would in plain tfjs (tf.layers + compile + fit), without the
 * app's model builder: this is the baseline the app is compared against. Seeded like the app.
 */
function layer(kind: string, p: Record<string, unknown>, seed: number, inputShape?: number[]) {
  const first = inputShape ? { inputShape } : {};
  const kernelInitializer = tf.initializers.glorotUniform({ seed });
  const activation = (p.activation ?? 'linear') as Activation;
  switch (kind) {
    case 'Dense':
      return tf.layers.dense({ ...first, units: Number(p.units), activation, kernelInitializer });
    case 'LSTM':
      return tf.layers.lstm({
        ...first,
        units: Number(p.units),
        kernelInitializer,
        recurrentInitializer: tf.initializers.orthogonal({ seed: seed + 1000 }),
        unitForgetBias: true,
      });
    case 'Conv1D':
      return tf.layers.conv1d({
        ...first,
        filters: Number(p.filters),
        kernelSize: Number(p.kernel_size),
        activation,
        kernelInitializer,
      });
    case 'MaxPooling1D':
      return tf.layers.maxPooling1d({ ...first, poolSize: Number(p.pool_size) });
    case 'Conv2D':
      return tf.layers.conv2d({
        ...first,
        filters: Number(p.filters),
        kernelSize: p.kernel_size as [number, number],
        activation,
        kernelInitializer,
      });
    case 'MaxPooling2D':
      return tf.layers.maxPooling2d({ ...first, poolSize: p.pool_size as [number, number] });
    case 'Flatten':
      return tf.layers.flatten(first);
    default:
      throw new Error(`the bare page has no plain-tfjs mapping for ${kind}`);
  }
}

export function plainModel(layers: readonly LayerRecipe[], seed: number): tf.Sequential {
  const [input, ...rest] = layers;
  if (!input || input[0] !== 'Input') throw new Error('a workload starts with its Input layer');
  const model = tf.sequential();
  rest.forEach(([kind, params], i) => {
    const shape = i === 0 ? (input[1].shape as number[]) : undefined;
    model.add(layer(kind, params, seed + i, shape));
  });
  return model;
}
