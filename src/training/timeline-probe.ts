import * as tf from '@tensorflow/tfjs';
import { histogram } from '../core/training/probe-stats';
import { alignSigns, pcaFromGram } from '../core/timeline/pca';
import { meanStd, quantiles } from '../core/timeline/quantiles';
import {
  MAX_PICTURE_VALUES,
  WEIGHT_QUANTILES,
  type TimelineSnapshot,
  type WeightStats,
} from '../core/timeline/timeline-types';
import type { LossFn } from './losses';

/**
 * The timeline's part of an epoch-end probe: tensors to read back with the probe's own reads
 * (one round trip), then turned into a TimelineSnapshot. Gradients are taken on the probe's
 * validation samples in inference mode, so no dropout draw changes the training's random stream.
 */
export const MAX_WEIGHT_VALUES = 1 << 16;

export interface TimelineInputs {
  model: tf.LayersModel;
  /** Layer names by spec index (0 is the Input); model.layers[j] is spec.layers[j]. */
  names: readonly string[];
  x: tf.Tensor;
  /** Targets of the probe samples; null when there are none (no validation split). */
  y: tf.Tensor | null;
  loss: LossFn;
  /** Every layer's output on x (model.layers[1..]), as the probe computed them. */
  outputs: readonly tf.Tensor[];
  /** Spec index of the layer to project; null for none. */
  embeddingIndex: number | null;
  firstSample: number;
  /** The probe samples' classes (classification); null for regression. */
  labels: number[] | null;
}

export interface TimelinePlan {
  /** Tensors to read whole, in order; the caller reads and disposes them. */
  tensors: tf.Tensor[];
  finish(values: readonly Float32Array[]): TimelineSnapshot;
}

const kerasName = (variableName: string) =>
  variableName.slice(variableName.lastIndexOf('/') + 1).replace(/_\d+$/, '');

/** At most MAX_WEIGHT_VALUES evenly strided values: a histogram needs no more. */
function flatSample(t: tf.Tensor): tf.Tensor {
  const flat = tf.reshape(t, [-1]);
  if (flat.size <= MAX_WEIGHT_VALUES) return flat;
  const stride = Math.ceil(flat.size / MAX_WEIGHT_VALUES);
  return tf.gather(flat, tf.range(0, flat.size, stride, 'int32'));
}

function gradientNorms(i: TimelineInputs, vars: tf.Variable[]): tf.Tensor | null {
  if (!i.y || vars.length === 0) return null;
  const y = i.y;
  try {
    return tf.tidy(() => {
      const { grads } = tf.variableGrads(
        () => i.loss(y, i.model.apply(i.x, { training: false }) as tf.Tensor) as tf.Scalar,
        vars,
      );
      return tf.stack(vars.map((v) => tf.norm(grads[v.name] ?? tf.zeros([1]))));
    });
  } catch {
    // A layer without a gradient here (a custom kernel's inference path): weights only.
    return null;
  }
}

export function planTimeline(
  i: TimelineInputs,
  previousPoints: ArrayLike<number> | null,
): TimelinePlan {
  const layers = i.model.layers;
  const entries = layers.flatMap((layer, j) =>
    layer.weights.map((w) => ({ j, w, name: kerasName(w.originalName ?? w.name) })),
  );
  const trainable = entries.filter((e) => e.w.trainable);
  const vars = trainable.map((e) => e.w.read() as tf.Variable);
  const tensors = entries.map((e) => tf.tidy(() => flatSample(e.w.read())));
  const norms = gradientNorms(i, vars);
  const normsAt = norms ? tensors.push(norms) - 1 : null;
  const count = i.x.shape[0] ?? 0;
  const e = i.embeddingIndex;
  const embedOut = e !== null && e >= 1 && count >= 3 ? i.outputs[e - 1] : undefined;
  const gramAt = embedOut
    ? tensors.push(
        tf.tidy(() => {
          const flat = tf.reshape(embedOut, [count, -1]);
          return tf.matMul(flat, flat, false, true);
        }),
      ) - 1
    : null;

  return {
    tensors,
    finish(values) {
      const normValues = normsAt !== null ? values[normsAt] : undefined;
      const gradOf = new Map(trainable.map((t, k) => [t.w, normValues?.[k] ?? null]));
      const weights: WeightStats[] = entries.map((entry, k) => {
        const v = values[k] ?? new Float32Array(0);
        const { mean, std } = meanStd(v);
        const whole = entry.w.shape.reduce<number>((a, b) => a * (b ?? 1), 1);
        return {
          layerIndex: entry.j,
          layerName: i.names[entry.j] ?? layers[entry.j]?.name ?? '',
          weight: entry.name,
          shape: entry.w.shape.map((d) => d ?? 1),
          histogram: histogram(v),
          quantiles: quantiles(v, WEIGHT_QUANTILES),
          mean,
          std,
          gradNorm: gradOf.get(entry.w) ?? null,
          values: whole <= MAX_PICTURE_VALUES && v.length === whole ? Array.from(v) : null,
        };
      });
      let global: number | null = null;
      if (normValues) {
        let sq = 0;
        for (const n of normValues) sq += n * n;
        global = Math.sqrt(sq);
      }
      const gram = gramAt !== null ? values[gramAt] : undefined;
      let embedding: TimelineSnapshot['embedding'] = null;
      if (gram && e !== null) {
        const { points, explained } = pcaFromGram(gram, count);
        alignSigns(previousPoints, points);
        embedding = {
          layerIndex: e,
          layerName: i.names[e] ?? '',
          firstSample: i.firstSample,
          points: Array.from(points),
          labels: i.labels,
          explained,
        };
      }
      return { weights, globalGradNorm: global, embedding };
    },
  };
}
