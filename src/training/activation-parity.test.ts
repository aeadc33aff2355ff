import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { activationValues } from '../core/charts/activation-curves';
import { linspace } from '../core/charts/activation-series';
import { EXPLORER_ENTRIES, type ExplorerId } from '../core/charts/explorer-catalog';

/**
 * The explorer draws its curves from closed forms in core; the model trains with tfjs. This
 * holds the two together: every explorer entry, f and f′ (by tf.grad) on a grid that includes
 * the kinks (0, ±2.5, 6) and far-out points where exp saturates.
 */

beforeAll(async () => {
  expect(await tf.setBackend('cpu')).toBe(true);
});

type Fn = (x: tf.Tensor) => tf.Tensor;

/** f on a column [n, 1] as the layer code that trains computes it. */
function tfjsFunction(id: ExplorerId, alpha: number): Fn {
  switch (id) {
    case 'leaky_relu': {
      const layer = tf.layers.leakyReLU({ alpha });
      return (x) => layer.apply(x) as tf.Tensor;
    }
    case 'prelu': {
      const layer = tf.layers.prelu({
        alphaInitializer: tf.initializers.constant({ value: alpha }),
      });
      return (x) => layer.apply(x) as tf.Tensor;
    }
    case 'elu': {
      const layer = tf.layers.elu();
      if (alpha === 1) return (x) => layer.apply(x) as tf.Tensor;
      // tfjs trains only alpha = 1; Keras's alpha scales the negative part, elu(x) − relu(x).
      return (x) => {
        const positive = tf.relu(x);
        return tf.add(positive, tf.mul(tf.sub(layer.apply(x) as tf.Tensor, positive), alpha));
      };
    }
    case 'softmax': {
      const layer = tf.layers.activation({ activation: 'softmax' });
      return (x) =>
        tf.slice(layer.apply(tf.concat([x, tf.zerosLike(x)], 1)) as tf.Tensor, [0, 0], [-1, 1]);
    }
    default: {
      type Identifier = Parameters<typeof tf.layers.activation>[0]['activation'];
      const name = id === 'hard_sigmoid' ? 'hardSigmoid' : id;
      const layer = tf.layers.activation({ activation: name as Identifier });
      return (x) => layer.apply(x) as tf.Tensor;
    }
  }
}

function tfjsValues(id: ExplorerId, xs: Float32Array, alpha: number) {
  const f = tfjsFunction(id, alpha);
  return tf.tidy(() => {
    const x = tf.tensor2d(xs, [xs.length, 1]);
    // The forward pass first builds any weights (PReLU's alpha) outside the gradient tape.
    const y = f(x).dataSync();
    const dy = tf.grad(f)(x).dataSync();
    return { y: Array.from(y), dy: Array.from(dy) };
  });
}

const GRID = Float32Array.from([...linspace(-8, 8, 321), -50, -20, -13, 13, 20, 50]);

/** The worst gap, relative where values are large (tfjs computes in float32). */
function worstGap(ours: ArrayLike<number>, theirs: number[]) {
  let worst = { gap: 0, at: 0 };
  theirs.forEach((t, i) => {
    const gap = Math.abs((ours[i] as number) - t) / Math.max(1, Math.abs(t));
    if (gap > worst.gap) worst = { gap, at: GRID[i] as number };
  });
  return worst;
}

const CASES = EXPLORER_ENTRIES.flatMap((e) =>
  e.alpha
    ? [e.alpha.min, e.alpha.default, e.alpha.max].map((alpha) => ({ id: e.id, alpha }))
    : [{ id: e.id, alpha: 0 }],
);

describe('explorer curves match tfjs (CPU backend)', () => {
  it('covers every explorer entry', () => {
    expect(new Set(CASES.map((c) => c.id))).toEqual(new Set(EXPLORER_ENTRIES.map((e) => e.id)));
  });

  it.each(CASES)('$id (alpha $alpha): f and f′ within 1e-5 of tfjs', ({ id, alpha }) => {
    const theirs = tfjsValues(id, GRID, alpha);
    const ours = activationValues(id, GRID, alpha);
    expect(
      worstGap(ours.y, theirs.y).gap,
      `f, worst at x = ${worstGap(ours.y, theirs.y).at}`,
    ).toBeLessThan(1e-5);
    expect(
      worstGap(ours.dy, theirs.dy).gap,
      `f′, worst at x = ${worstGap(ours.dy, theirs.dy).at}`,
    ).toBeLessThan(1e-5);
  });
});
