import type * as tf from '@tensorflow/tfjs';

/**
 * tfjs' Dropout draws its mask from `this.seed` on every call, so a seeded Dropout (which
 * buildModel makes, for reproducible runs) drops the same units at every step: no longer
 * dropout. Before each step this moves every seeded Dropout layer to a seed derived from its
 * own and the step number: a fresh mask per step, and still the same masks for the same run.
 * Unseeded layers are left alone (tfjs then draws at random).
 */
type SeededLayer = tf.layers.Layer & { seed?: number };

export function dropoutReseeder(model: tf.LayersModel): (step: number) => void {
  const layers = model.layers
    .filter((l) => l.getClassName() === 'Dropout')
    .map((l) => l as SeededLayer)
    .flatMap((l) => (typeof l.seed === 'number' ? [{ layer: l, base: l.seed }] : []));
  return (step) => {
    for (const { layer, base } of layers) layer.seed = (base + step * 7_919) % 2_147_483_647;
  };
}
