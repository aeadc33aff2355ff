import * as tf from '@tensorflow/tfjs';
import { histogram } from '../core/training/probe-stats';
import { alignSigns, pcaFromGram } from '../core/timeline/pca';
import { GATES } from '../core/timeline/gate-saturation';
import { meanStd, quantiles } from '../core/timeline/quantiles';
import {
  MAX_PICTURE_VALUES,
  WEIGHT_QUANTILES,
  type GateSaturation,
  type TimelineSnapshot,
  type WeightStats,
} from '../core/timeline/timeline-types';
import type { LossFn } from './losses';
import { gateKind, gateRecurrence, type GateRun } from './gate-recurrence';

/**
 * The timeline's part of an epoch-end probe: tensors to read back with the probe's own reads
 * (one round trip), then turned into a TimelineSnapshot. Gradients are taken on the first of the
 * probe's validation samples in inference mode, so no dropout draw changes the training's random
 * stream.
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

/**
 * The passes a snapshot adds to the probe's (gradients, LSTM/GRU gate recurrences) take this
 * many of its samples: a training batch's worth shows whether gradients vanish or explode, and
 * how often gates saturate, as well as 256 do, at a quarter of the cost (the gradient pass was
 * a third of a Conv1D snapshot's time on wasm, the gate recurrences half an LSTM epoch's).
 */
export const PASS_SAMPLES = 64;

const firstRows = (t: tf.Tensor, rows: number) =>
  (t.shape[0] ?? 0) <= rows ? t : tf.slice(t, 0, [rows, ...t.shape.slice(1)]);

function gradientNorms(i: TimelineInputs, vars: tf.Variable[]): tf.Tensor | null {
  if (!i.y || vars.length === 0) return null;
  const y = i.y;
  try {
    return tf.tidy(() => {
      const x = firstRows(i.x, PASS_SAMPLES);
      const target = firstRows(y, PASS_SAMPLES);
      const { grads } = tf.variableGrads(
        () => i.loss(target, i.model.apply(x, { training: false }) as tf.Tensor) as tf.Scalar,
        vars,
      );
      return tf.stack(vars.map((v) => tf.norm(grads[v.name] ?? tf.zeros([1]))));
    });
  } catch {
    // A layer without a gradient here (a custom kernel's inference path): weights only.
    return null;
  }
}

interface GatePlan {
  j: number;
  kind: GateSaturation['kind'];
  run: GateRun;
  at: number;
}

/** Each LSTM/GRU layer's recurrence on its input as the probe computed it, gates counted. */
function gateRuns(i: TimelineInputs): Omit<GatePlan, 'at'>[] {
  return i.model.layers.flatMap((layer, j) => {
    const kind = gateKind(layer);
    const whole = j === 1 ? i.x : i.outputs[j - 2];
    if (!kind || !whole || whole.rank !== 3) return [];
    try {
      const input = firstRows(whole, PASS_SAMPLES);
      try {
        return [{ j, kind, run: gateRecurrence(layer, kind, input) }];
      } finally {
        if (input !== whole) input.dispose();
      }
    } catch {
      // A layer whose internals differ from tfjs' cells: no gate picture rather than no probe.
      return [];
    }
  });
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
  const gates: GatePlan[] = gateRuns(i).map((g) => ({ ...g, at: tensors.push(g.run.counts) - 1 }));
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
          // Only kernels are drawn (a Dense heatmap, Conv filters): an LSTM's recurrent kernel
          // alone would add 160 kB a snapshot.
          values:
            entry.name === 'kernel' && whole <= MAX_PICTURE_VALUES && v.length === whole
              ? Array.from(v)
              : null,
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
        const { points, explained } = pcaFromGram(gram, count, undefined, previousPoints);
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
      const gateSaturation: GateSaturation[] = gates.map((g) => {
        const counts = values[g.at] ?? new Float32Array(0);
        const per = Math.max(1, g.run.perGate);
        return {
          layerIndex: g.j,
          layerName: i.names[g.j] ?? layers[g.j]?.name ?? '',
          kind: g.kind,
          gates: GATES[g.kind].map((gate, k) => {
            const known = g.run.bounds[k] !== null;
            return {
              gate,
              low: known ? (counts[2 * k] ?? 0) / per : null,
              high: known ? (counts[2 * k + 1] ?? 0) / per : null,
            };
          }),
        };
      });
      return { weights, globalGradNorm: global, embedding, gates: gateSaturation };
    },
  };
}
