import * as tf from '@tensorflow/tfjs';
import { looseDef } from '../core/layers/catalog';
import { layerNames, type ModelSpec } from '../core/model-spec';
import { activationStats, effectiveActivations } from '../core/training/probe-stats';
import type {
  LayerProbe,
  PoolingProbe,
  Predictions,
  ProbeSnapshot,
} from '../core/training/probe-types';
import { sampleCount, sampleSize, type TrainingData } from '../core/training/training-data';
import type { TimelineSnapshot } from '../core/timeline/timeline-types';
import type { LossFn } from './losses';
import { planTimeline, type TimelinePlan } from './timeline-probe';
import { classLabels } from '../core/timeline/labels';

/** Validation samples the probes run on (the first ones, so charts know which they are). */
export const PROBE_SAMPLES = 256;
/**
 * Values read back per layer at most: wide layers are summarised on fewer samples. 64k values
 * draw the same 30-bin histogram as 256k; at 256k a Conv1D probe spent ~0.5 s in JavaScript.
 */
const MAX_LAYER_VALUES = 1 << 16;
/** Pooling pictures wider than this (one sample) are left out: nobody can read them anyway. */
const MAX_POOLING_VALUES = 50_000;
/** At most a 64 × 64 grid of extra inputs. */
export const MAX_EXTRA_INPUTS = 4096;

export interface ProbeResult {
  snapshot: ProbeSnapshot;
  /** Asked for at epoch ends: the timeline's record of the weights, gradients and projection. */
  timeline: TimelineSnapshot | null;
}

export interface Prober {
  probe(epoch: number, batch: number, withTimeline?: boolean): Promise<ProbeResult>;
  dispose(): void;
}

export interface TimelineOptions {
  loss: LossFn;
  /** Spec index of the layer the embedding view projects; null for none. */
  embeddingIndex: number | null;
}

const sampleShapeOf = (t: tf.Tensor) => t.shape.slice(1);

interface Read {
  t: tf.Tensor;
  /** How many leading samples to read. */
  count: number;
}

/**
 * The first `count` samples of `t`; `t` itself when that is all of them. tfjs-wasm's Slice copies
 * its whole input out of the wasm heap before it cuts (readSync), so cutting 6 samples of a
 * Conv2D layer's 256-sample output copied ~11 MB, and slices were most of a probe's time on wasm
 * (0.9 of 1.3 s over an MNIST CNN run); its GatherV2 copies only the rows asked for. Elsewhere
 * Slice is the cheap one (the cpu backend's Gather walks every element).
 */
function leading(t: tf.Tensor, count: number): tf.Tensor {
  const n = t.shape[0] ?? 0;
  if (count >= n) return t;
  if (tf.getBackend() === 'wasm') return tf.gather(t, tf.range(0, count, 1, 'int32'));
  return tf.slice(t, 0, count);
}

/**
 * The first samples of several tensors, read back in one round trip: on a GPU backend every
 * read waits for the GPU, and a probe once made one read per layer (on software WebGL that
 * cost a third of a Conv1D run's time).
 */
async function readAll(reads: readonly Read[]): Promise<Float32Array[]> {
  if (reads.length === 0) return [];
  const parts = reads.map(({ t, count }) => tf.tidy(() => tf.reshape(leading(t, count), [-1])));
  const joined = tf.concat(parts);
  try {
    const all = await joined.data();
    let at = 0;
    // Views, not copies: only the few values the snapshot carries become plain arrays.
    return parts.map((p) => {
      const values = (all as Float32Array).subarray(at, at + p.size);
      at += p.size;
      return values;
    });
  } finally {
    tf.dispose([...parts, joined]);
  }
}

/**
 * Reads every layer's outputs on a fixed probe batch. The probe model shares the trained
 * model's layers and weights; it is never disposed itself, since LayersModel.dispose() would
 * dispose those shared weights.
 */
export function createProber(
  model: tf.LayersModel,
  spec: ModelSpec,
  data: TrainingData,
  extraInputs: Float32Array | null,
  timeline: TimelineOptions | null = null,
): Prober {
  const per = sampleSize(data);
  const shape = data.xShape.slice(1);
  const valCount = sampleCount(data) - data.trainCount;
  const first = valCount > 0 ? data.trainCount : 0;
  const count = Math.min(PROBE_SAMPLES, valCount > 0 ? valCount : data.trainCount);
  const x = tf.tensor(data.x.subarray(first * per, (first + count) * per), [count, ...shape]);
  const k = data.yShape[1] ?? 1;
  const y = timeline
    ? tf.tensor2d(data.y.subarray(first * k, (first + count) * k), [count, k])
    : null;
  let lastPoints: number[] | null = null;
  const labels = data.numClasses >= 2 ? classLabels(data.y, k, first, count) : null;
  const extraCount = extraInputs
    ? Math.min(MAX_EXTRA_INPUTS, Math.floor(extraInputs.length / per))
    : 0;
  const extra =
    extraInputs && extraCount > 0
      ? tf.tensor(extraInputs.subarray(0, extraCount * per), [extraCount, ...shape])
      : null;
  const layers = model.layers.slice(1);
  const probeModel = tf.model({
    inputs: model.inputs,
    outputs: layers.map((l) => l.output as tf.SymbolicTensor),
  });
  const names = layerNames(spec);
  const activations = effectiveActivations(spec);

  return {
    async probe(epoch, batch, withTimeline = false) {
      const outputs = tf.tidy(() => {
        // One batch: predict's default of 32 cuts (and on wasm copies) the input 8 times.
        const out = probeModel.predict(x, { batchSize: count });
        return Array.isArray(out) ? out : [out];
      });
      const extraOut = extra ? tf.tidy(() => model.predict(extra) as tf.Tensor) : null;
      let timelinePlan: TimelinePlan | null = null;
      try {
        // Everything this probe shows, gathered first and read back in one go.
        const reads: Read[] = [];
        const plan = outputs.map((out, j) => {
          const perSample = out.size / count;
          const values =
            reads.push({ t: out, count: Math.max(1, Math.floor(MAX_LAYER_VALUES / perSample)) }) -
            1;
          const layer = spec.layers[j + 1];
          const pooled =
            layer && looseDef(layer.kind).pooling !== undefined && perSample <= MAX_POOLING_VALUES;
          const input = j === 0 ? x : (outputs[j - 1] as tf.Tensor);
          const inputAt = pooled ? reads.push({ t: input, count: 1 }) - 1 : null;
          return { out, perSample, values, input, inputAt };
        });
        const last = outputs.at(-1);
        const predAt = last && valCount > 0 ? reads.push({ t: last, count }) - 1 : null;
        const extraAt = extraOut ? reads.push({ t: extraOut, count: extraCount }) - 1 : null;
        if (timeline && withTimeline) {
          timelinePlan = planTimeline(
            {
              model,
              names,
              x,
              y: valCount > 0 ? y : null,
              loss: timeline.loss,
              outputs,
              embeddingIndex: timeline.embeddingIndex,
              firstSample: first,
              labels,
            },
            lastPoints,
          );
        }
        const timelineFrom = reads.length;
        for (const t of timelinePlan?.tensors ?? []) reads.push({ t, count: t.shape[0] ?? 0 });
        const read = await readAll(reads);
        const timelineSnapshot = timelinePlan
          ? timelinePlan.finish(read.slice(timelineFrom))
          : null;
        if (timelineSnapshot?.embedding) lastPoints = timelineSnapshot.embedding.points;

        const layerProbes: LayerProbe[] = [];
        const pooling: PoolingProbe[] = [];
        for (const [j, p] of plan.entries()) {
          const index = j + 1;
          const layer = spec.layers[index];
          if (!layer) continue;
          const values = read[p.values] ?? new Float32Array(0);
          const name = names[index] ?? layer.id;
          const stats = activationStats(values, activations[index] ?? null);
          layerProbes.push({ index, name, kind: layer.kind, stats });
          if (p.inputAt !== null) {
            pooling.push({
              index,
              name,
              kind: layer.kind,
              sample: first,
              inputShape: sampleShapeOf(p.input),
              input: Array.from(read[p.inputAt] ?? []),
              outputShape: sampleShapeOf(p.out),
              output: Array.from(values.subarray(0, p.perSample)),
            });
          }
        }
        const predictionsOf = (t: tf.Tensor, at: number, firstSample: number): Predictions => {
          const n = t.shape[0] ?? 0;
          const values = Array.from(read[at] ?? []);
          return { firstSample, count: n, units: t.size / Math.max(1, n), values };
        };
        const predictions = last && predAt !== null ? predictionsOf(last, predAt, first) : null;
        const extraPredictions =
          extraOut && extraAt !== null ? predictionsOf(extraOut, extraAt, 0) : null;
        return {
          snapshot: {
            epoch,
            batch,
            layers: layerProbes,
            pooling,
            predictions,
            extra: extraPredictions,
          },
          timeline: timelineSnapshot,
        };
      } finally {
        tf.dispose(outputs);
        extraOut?.dispose();
        if (timelinePlan) tf.dispose(timelinePlan.tensors);
      }
    },
    dispose() {
      x.dispose();
      y?.dispose();
      extra?.dispose();
    },
  };
}
