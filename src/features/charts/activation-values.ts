// Types only: erased from the bundle, so tfjs still loads only through loadTf().
import type * as TfModule from '@tensorflow/tfjs';
import type { ExplorerId } from './explorer-catalog';

/**
 * f(x) and f′(x) for the activation explorer, computed by tfjs itself: the same layer code
 * that trains (tf.layers.activation, leakyReLU, prelu, elu) and tf.grad for the derivative,
 * so the plot shows what the model computes, not a hand-written copy. tfjs is loaded only
 * when the explorer opens (it never enters the first page bundle).
 */
export type Tf = typeof TfModule;

let loading: Promise<Tf> | null = null;

export function loadTf(): Promise<Tf> {
  loading ??= import('@tensorflow/tfjs').then(async (tf) => {
    // A few hundred points: the CPU backend answers at once and opens no GPU context. A
    // backend someone else already chose (the page-side trainer) is left alone.
    if (!tf.engine().backendName) await tf.setBackend('cpu');
    return tf;
  });
  loading.catch(() => (loading = null));
  return loading;
}

/** Keras identifiers → tfjs ones (tfjs spells only hard_sigmoid differently). */
const tfjsName = (id: string) => (id === 'hard_sigmoid' ? 'hardSigmoid' : id);

type Fn = (x: TfModule.Tensor) => TfModule.Tensor;

/** f on a column [n, 1]; returns the layers to dispose once done. */
function buildFn(tf: Tf, id: ExplorerId, alpha: number): { f: Fn; layers: { dispose(): void }[] } {
  switch (id) {
    case 'leaky_relu': {
      const layer = tf.layers.leakyReLU({ alpha });
      return { f: (x) => layer.apply(x) as ReturnType<Fn>, layers: [] };
    }
    case 'prelu': {
      const layer = tf.layers.prelu({
        alphaInitializer: tf.initializers.constant({ value: alpha }),
      });
      return { f: (x) => layer.apply(x) as ReturnType<Fn>, layers: [layer] };
    }
    case 'elu': {
      const layer = tf.layers.elu();
      // Keras's elu(x, alpha) scales the negative part of tfjs's elu (alpha 1), which is
      // elu(x) − relu(x); written without a comparison, which has no gradient in tfjs.
      const f: Fn = (x) => {
        const positive = tf.relu(x);
        const e = layer.apply(x) as ReturnType<Fn>;
        return tf.add(positive, tf.mul(tf.sub(e, positive), alpha));
      };
      return { f, layers: [] };
    }
    case 'softmax': {
      const layer = tf.layers.activation({ activation: 'softmax' });
      // Softmax acts on a vector: plot its first output for the logits (x, 0).
      const f: Fn = (x) => {
        const logits = tf.concat([x, tf.zerosLike(x)], 1);
        return tf.slice(layer.apply(logits) as ReturnType<Fn>, [0, 0], [-1, 1]);
      };
      return { f, layers: [] };
    }
    default: {
      type Identifier = Parameters<typeof tf.layers.activation>[0]['activation'];
      const layer = tf.layers.activation({ activation: tfjsName(id) as Identifier });
      return { f: (x) => layer.apply(x) as ReturnType<Fn>, layers: [] };
    }
  }
}

export interface ActivationValues {
  y: Float32Array;
  dy: Float32Array;
}

export async function computeActivation(
  tf: Tf,
  id: ExplorerId,
  xs: Float32Array,
  alpha = 0,
): Promise<ActivationValues> {
  const { f, layers } = buildFn(tf, id, alpha);
  const x = tf.tensor2d(xs, [xs.length, 1]);
  try {
    // The forward pass first builds any weights (PReLU's alpha) outside the gradient tape.
    const y = tf.tidy(() => f(x));
    const dy = tf.tidy(() => tf.grad(f)(x));
    try {
      const [yv, dyv] = await Promise.all([y.data(), dy.data()]);
      return { y: Float32Array.from(yv), dy: Float32Array.from(dyv) };
    } finally {
      tf.dispose([y, dy]);
    }
  } finally {
    x.dispose();
    layers.forEach((l) => l.dispose());
  }
}
