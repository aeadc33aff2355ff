import { createLayer, randomId, type IdGen, type ModelSpec } from './model-spec';
import type { LayerKind, LayerSpec } from './layers/catalog';
import type { ShippedId } from '../data/config';
import type { TrainingSettings } from './training/settings';

/** Small starting points (start with small layers, grow when the loss says so). */
export const TEMPLATE_IDS = [
  'mlp',
  'lstm-forecaster',
  'conv1d-classifier',
  'rnn-classifier',
  'mlp-dropout',
  'mnist-cnn',
  'digits-mlp',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

type LayerRecipe = { kind: LayerKind; params?: Record<string, unknown> };

interface Template {
  id: TemplateId;
  title: string;
  description: string;
  layers: LayerRecipe[];
  /** The shipped data the model is made for: picking the template picks it too. */
  data?: { source: 'shipped'; id: ShippedId };
  /** Training settings that reach the accuracy the description promises (the rest stay). */
  training?: Partial<TrainingSettings>;
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'mlp',
    title: 'Vanilla MLP',
    description: 'Two small hidden Dense layers for 2-D classification.',
    layers: [
      { kind: 'Input', params: { shape: [2] } },
      { kind: 'Dense', params: { units: 8, activation: 'relu' } },
      { kind: 'Dense', params: { units: 8, activation: 'relu' } },
      { kind: 'Dense', params: { units: 1, activation: 'sigmoid' } },
    ],
  },
  {
    id: 'lstm-forecaster',
    title: 'LSTM forecaster',
    description: 'Reads a window of 32 steps and predicts the next value.',
    layers: [
      { kind: 'Input', params: { shape: [32, 1] } },
      { kind: 'LSTM', params: { units: 16 } },
      { kind: 'Dense', params: { units: 1, activation: 'linear' } },
    ],
  },
  {
    id: 'conv1d-classifier',
    title: 'Conv1D + MaxPooling1D classifier',
    description: 'Finds local patterns in a sequence, downsamples, then classifies.',
    layers: [
      { kind: 'Input', params: { shape: [64, 1] } },
      { kind: 'Conv1D', params: { filters: 8, kernel_size: 3, activation: 'relu' } },
      { kind: 'MaxPooling1D', params: { pool_size: 2 } },
      { kind: 'Flatten' },
      { kind: 'Dense', params: { units: 4, activation: 'softmax' } },
    ],
  },
  {
    id: 'rnn-classifier',
    title: 'SimpleRNN classifier',
    description: 'A small recurrent layer that labels a whole sequence.',
    layers: [
      { kind: 'Input', params: { shape: [32, 1] } },
      { kind: 'SimpleRNN', params: { units: 16 } },
      { kind: 'Dense', params: { units: 4, activation: 'softmax' } },
    ],
  },
  {
    id: 'mlp-dropout',
    title: 'MLP with Dropout',
    description: 'A wider MLP that uses Dropout against overfitting.',
    layers: [
      { kind: 'Input', params: { shape: [4] } },
      { kind: 'Dense', params: { units: 32, activation: 'relu' } },
      { kind: 'Dropout', params: { rate: 0.2 } },
      { kind: 'Dense', params: { units: 32, activation: 'relu' } },
      { kind: 'Dropout', params: { rate: 0.2 } },
      { kind: 'Dense', params: { units: 3, activation: 'softmax' } },
    ],
  },
  {
    id: 'mnist-cnn',
    title: 'MNIST CNN',
    description:
      'Two Conv2D + MaxPooling2D stages and a Dense head for 28×28 digits; picks the MNIST data and reaches about 97% validation accuracy.',
    layers: [
      { kind: 'Input', params: { shape: [28, 28, 1] } },
      { kind: 'Conv2D', params: { filters: 16, kernel_size: [3, 3], activation: 'relu' } },
      { kind: 'MaxPooling2D', params: { pool_size: [2, 2] } },
      { kind: 'Conv2D', params: { filters: 32, kernel_size: [3, 3], activation: 'relu' } },
      { kind: 'MaxPooling2D', params: { pool_size: [2, 2] } },
      { kind: 'Flatten' },
      { kind: 'Dense', params: { units: 64, activation: 'relu' } },
      { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ],
    data: { source: 'shipped', id: 'mnist' },
    training: { optimizer: 'adam', learningRate: 0.001, batchSize: 64, epochs: 8 },
  },
  {
    id: 'digits-mlp',
    title: 'Digits MLP',
    description:
      'Flattens 8×8 digit images into a Dense network; picks the UCI digits and reaches about 97% validation accuracy.',
    layers: [
      { kind: 'Input', params: { shape: [8, 8, 1] } },
      { kind: 'Flatten' },
      { kind: 'Dense', params: { units: 64, activation: 'relu' } },
      { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ],
    data: { source: 'shipped', id: 'uci-digits' },
    training: { optimizer: 'adam', learningRate: 0.01, batchSize: 32, epochs: 20 },
  },
];

export function templateSpec(id: TemplateId, makeId: IdGen = randomId): ModelSpec {
  const t = TEMPLATES.find((x) => x.id === id) ?? TEMPLATES[0];
  const layers = (t?.layers ?? []).map((r) => {
    const layer = createLayer(r.kind, makeId());
    return { ...layer, params: { ...layer.params, ...r.params } } as LayerSpec;
  });
  return { layers };
}
