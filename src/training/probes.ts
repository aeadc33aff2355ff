import * as tf from '@tensorflow/tfjs';
import { layerNames, type ModelSpec } from '../core/model-spec';
import { activationStats, effectiveActivations } from './probe-stats';
import type { LayerProbe, PoolingProbe, Predictions, ProbeSnapshot } from './probe-types';
import { sampleCount, sampleSize, type TrainingData } from './training-data';

/** Validation samples the probes run on (the first ones, so charts know which they are). */
export const PROBE_SAMPLES = 256;
/** Values read back per layer at most: wide layers are summarised on fewer samples. */
const MAX_LAYER_VALUES = 1 << 18;
/** Pooling pictures wider than this (one sample) are left out: nobody can read them anyway. */
const MAX_POOLING_VALUES = 50_000;
/** At most a 64 × 64 grid of extra inputs. */
export const MAX_EXTRA_INPUTS = 4096;
const POOLING = new Set([
  'MaxPooling1D',
  'MaxPooling2D',
  'AveragePooling1D',
  'GlobalMaxPooling1D',
  'GlobalAveragePooling1D',
]);

export interface Prober {
  probe(epoch: number, batch: number): Promise<ProbeSnapshot>;
  dispose(): void;
}

const sampleShapeOf = (t: tf.Tensor) => t.shape.slice(1);

/** First `count` samples of a tensor, read back as plain numbers. */
async function readSamples(t: tf.Tensor, count: number): Promise<number[]> {
  const part = tf.slice(t, 0, Math.min(count, t.shape[0] ?? 0));
  try {
    return Array.from(await part.data());
  } finally {
    part.dispose();
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
): Prober {
  const per = sampleSize(data);
  const shape = data.xShape.slice(1);
  const valCount = sampleCount(data) - data.trainCount;
  const first = valCount > 0 ? data.trainCount : 0;
  const count = Math.min(PROBE_SAMPLES, valCount > 0 ? valCount : data.trainCount);
  const x = tf.tensor(data.x.subarray(first * per, (first + count) * per), [count, ...shape]);
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

  const predictionsOf = async (t: tf.Tensor, firstSample: number): Promise<Predictions> => {
    const n = t.shape[0] ?? 0;
    return {
      firstSample,
      count: n,
      units: t.size / Math.max(1, n),
      values: await readSamples(t, n),
    };
  };

  return {
    async probe(epoch, batch) {
      const outputs = tf.tidy(() => {
        const out = probeModel.predict(x);
        return Array.isArray(out) ? out : [out];
      });
      try {
        const layerProbes: LayerProbe[] = [];
        const pooling: PoolingProbe[] = [];
        for (const [j, out] of outputs.entries()) {
          const index = j + 1;
          const layer = spec.layers[index];
          if (!layer) continue;
          const perSample = out.size / count;
          const values = await readSamples(
            out,
            Math.max(1, Math.floor(MAX_LAYER_VALUES / perSample)),
          );
          const name = names[index] ?? layer.id;
          const stats = activationStats(values, activations[index] ?? null);
          layerProbes.push({ index, name, kind: layer.kind, stats });
          if (POOLING.has(layer.kind) && perSample <= MAX_POOLING_VALUES) {
            const input = j === 0 ? x : (outputs[j - 1] as tf.Tensor);
            pooling.push({
              index,
              name,
              kind: layer.kind,
              sample: first,
              inputShape: sampleShapeOf(input),
              input: await readSamples(input, 1),
              outputShape: sampleShapeOf(out),
              output: values.slice(0, perSample),
            });
          }
        }
        const last = outputs.at(-1);
        const predictions = last && valCount > 0 ? await predictionsOf(last, first) : null;
        let extraPredictions: Predictions | null = null;
        if (extra) {
          const p = tf.tidy(() => model.predict(extra) as tf.Tensor);
          try {
            extraPredictions = await predictionsOf(p, 0);
          } finally {
            p.dispose();
          }
        }
        return { epoch, batch, layers: layerProbes, pooling, predictions, extra: extraPredictions };
      } finally {
        tf.dispose(outputs);
      }
    },
    dispose() {
      x.dispose();
      extra?.dispose();
    },
  };
}
