/**
 * Test support for the ONNX and PyTorch exports: a table of models that between them use every
 * layer kind and setting the exporters cover, each built in tfjs with seeded random weights
 * (moving statistics and PReLU slopes included, which training would barely move) and saved as
 * the app saves a trained model, so the exporters read what a user's download holds.
 */
import * as tf from '@tensorflow/tfjs';
import { imageStack, sequenceStack } from '../../core/export/testing/all-kinds';
import { namedWeights, type NamedWeights } from '../../core/export/named-weights';
import { assembleWeights, readWeightsManifest } from '../../core/export/weights-manifest';
import type { ModelSpec } from '../../core/model-spec';
import { specFrom } from '../../core/spec-from';
import { buildModel, disposeModel } from '../build-model';
import { tfjsFiles } from '../weights-io';

export const EXPORT_MODELS: [string, ModelSpec][] = [
  [
    'Dense with every activation, Dropout, no bias',
    specFrom([
      ['Input', { shape: [5] }],
      ['Dense', { units: 8, activation: 'relu' }],
      ['Dense', { units: 8, activation: 'relu6' }],
      ['Dense', { units: 8, activation: 'elu', use_bias: false }],
      ['Dense', { units: 8, activation: 'selu' }],
      ['Dropout', { rate: 0.4 }],
      ['Dense', { units: 8, activation: 'sigmoid' }],
      ['Dense', { units: 8, activation: 'hard_sigmoid' }],
      ['Dense', { units: 8, activation: 'tanh' }],
      ['Dense', { units: 8, activation: 'softplus' }],
      ['Dense', { units: 8, activation: 'softsign' }],
      ['Dense', { units: 8, activation: 'swish' }],
      ['Dense', { units: 8, activation: 'mish' }],
      ['Dense', { units: 8, activation: 'gelu' }],
      ['Dense', { units: 3, activation: 'softmax' }],
    ]),
  ],
  [
    'Activation layers, LeakyReLU, PReLU, ELU, Reshape, Flatten, BatchNormalization',
    specFrom([
      ['Input', { shape: [4, 3] }],
      ['Dense', { units: 6 }],
      ['LeakyReLU', { alpha: 0.2 }],
      ['PReLU'],
      ['ELU'],
      ['Activation', { activation: 'gelu' }],
      ['Activation', { activation: 'hard_sigmoid' }],
      ['Activation', { activation: 'selu' }],
      ['Activation', { activation: 'relu6' }],
      ['Activation', { activation: 'softmax' }],
      ['Reshape', { target_shape: [2, 12] }],
      ['Flatten'],
      ['BatchNormalization', { center: false, epsilon: 0.01 }],
      ['Dense', { units: 2, activation: 'sigmoid' }],
    ]),
  ],
  [
    'Conv1D (same, causal dilated, strided), pooling (valid, same, strides), BatchNormalization',
    specFrom([
      ['Input', { shape: [16, 2] }],
      ['Conv1D', { filters: 4, kernel_size: 3, padding: 'same', activation: 'relu' }],
      ['MaxPooling1D'],
      ['Conv1D', { filters: 3, kernel_size: 3, padding: 'causal', dilation_rate: 2 }],
      ['MaxPooling1D', { pool_size: 3, strides: 2, padding: 'same' }],
      ['Conv1D', { filters: 4, kernel_size: 2, strides: 2, use_bias: false }],
      ['AveragePooling1D', { pool_size: 2, strides: 1, padding: 'same' }],
      ['BatchNormalization'],
      ['GlobalMaxPooling1D'],
      ['Dense', { units: 1 }],
    ]),
  ],
  [
    'Conv2D (same strided, valid), MaxPooling2D (same, valid), BatchNormalization',
    specFrom([
      ['Input', { shape: [7, 7, 2] }],
      ['Conv2D', { filters: 3, padding: 'same', strides: [2, 2], activation: 'tanh' }],
      ['BatchNormalization', { scale: false }],
      ['MaxPooling2D', { strides: [1, 1], padding: 'same' }],
      ['Conv2D', { filters: 4, kernel_size: [2, 3] }],
      ['MaxPooling2D'],
      ['Flatten'],
      ['Dense', { units: 2, activation: 'softmax' }],
    ]),
  ],
  [
    'LSTM, GRU (reset_after=False), SimpleRNN: sequences and last step',
    specFrom([
      ['Input', { shape: [7, 3] }],
      ['LSTM', { units: 5, return_sequences: true }],
      ['GRU', { units: 4, return_sequences: true }],
      ['SimpleRNN', { units: 3 }],
      ['Dense', { units: 1 }],
    ]),
  ],
  [
    'recurrent layers with other activations and no bias',
    specFrom([
      ['Input', { shape: [6, 2] }],
      [
        'LSTM',
        {
          units: 4,
          activation: 'relu',
          recurrent_activation: 'hard_sigmoid',
          return_sequences: true,
          use_bias: false,
        },
      ],
      ['GRU', { units: 3, activation: 'softsign', return_sequences: true }],
      ['SimpleRNN', { units: 3, activation: 'linear', return_sequences: true }],
      ['GRU', { units: 2, recurrent_activation: 'hard_sigmoid', use_bias: false }],
      ['Dense', { units: 2 }],
    ]),
  ],
  ['every sequence kind (all-kinds)', sequenceStack()],
  ['the image stack (all-kinds)', imageStack()],
];

/** Deterministic values in [lo, hi). */
export function seeded(n: number, seed: number, lo = -1, hi = 1): number[] {
  let s = seed;
  return Array.from(
    { length: n },
    () => lo + ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * (hi - lo),
  );
}

/** model.json and weights.bin as the app's "Trained model (TensorFlow.js files)" makes them. */
export async function appFiles(model: tf.LayersModel): Promise<ReturnType<typeof tfjsFiles>> {
  let files: ReturnType<typeof tfjsFiles> | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      files = tfjsFiles(artifacts);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const saved = files as ReturnType<typeof tfjsFiles> | null;
  if (!saved) throw new Error('tfjs saved no files');
  return saved;
}

export interface SavedModel {
  /** model.json and weights.bin as "Trained model (TensorFlow.js files)" downloads them. */
  modelJson: string;
  weightsBin: Uint8Array;
  weights: NamedWeights;
  inputs: number[];
  inputShape: number[];
  /** tfjs' predictions for `inputs`, flat. */
  outputs: number[];
  outputShape: number[];
}

/** Builds the model, gives it seeded random weights, saves it as the app does and predicts. */
export async function savedModel(spec: ModelSpec, seed: number, batch = 4): Promise<SavedModel> {
  const first = spec.layers[0];
  const shape = first?.kind === 'Input' ? first.params.shape : [];
  const model = buildModel(spec, { seed });
  try {
    // Each variable by its own name (tfjs suffixes .name when a name repeats in one process).
    model.layers.forEach((layer, l) =>
      layer.weights.forEach((w, i) => {
        const shape = w.shape as number[];
        const n = shape.reduce((a, b) => a * b, 1);
        // Variances must stay positive; everything else may take either sign.
        const range: [number, number] = w.originalName.endsWith('moving_variance')
          ? [0.5, 1.5]
          : [-0.6, 0.6];
        const t = tf.tensor(seeded(n, seed * 1000 + l * 10 + i, ...range), shape);
        w.write(t);
        t.dispose();
      }),
    );
    const saved = await appFiles(model);
    const manifest = readWeightsManifest(JSON.parse(saved.modelJson));
    if (!manifest.ok || !manifest.value) throw new Error('tfjs saved no weights manifest');
    const params = model.countParams();
    const assembled = assembleWeights(
      manifest.value,
      [{ name: 'weights.bin', bytes: saved.weights }],
      params,
    );
    if (!assembled.ok) throw new Error(assembled.reason);
    const size = shape.reduce((a, b) => a * b, 1);
    const inputs = seeded(batch * size, seed + 7, -2, 2);
    const input = tf.tensor(inputs, [batch, ...shape]);
    const out = model.predict(input) as tf.Tensor;
    const outputs = Array.from(await out.data());
    const outputShape = out.shape;
    tf.dispose([input, out]);
    return {
      modelJson: saved.modelJson,
      weightsBin: new Uint8Array(saved.weights),
      weights: namedWeights(assembled.value),
      inputs,
      inputShape: [batch, ...shape],
      outputs,
      outputShape,
    };
  } finally {
    disposeModel(model);
  }
}

export const maxDiff = (a: readonly number[], b: readonly number[]) =>
  a.length !== b.length ? Infinity : Math.max(0, ...a.map((v, i) => Math.abs(v - (b[i] ?? NaN))));
