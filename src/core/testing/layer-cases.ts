/**
 * Per layer kind, configurations chosen to hit the edge cases (padding, strides, odd sizes,
 * flags). One table for every check of the core against a real framework: tfjs
 * (src/training/parity.test.ts) and Keras (src/core/export/keras-layers.test.ts).
 */
import { ACTIVATION_IDS } from '../activations';
import type { LAYER_KINDS } from '../layers/catalog';
import type { LayerEntry } from '../spec-from';

export const on = (shape: number[], ...layers: LayerEntry[]): LayerEntry[] => [
  ['Input', { shape }],
  ...layers,
];

/** Per kind, configurations chosen to hit the edge cases: padding, strides, odd sizes, flags. */
export const LAYER_CASES: Record<(typeof LAYER_KINDS)[number], LayerEntry[][]> = {
  Input: [on([5]), on([7, 3]), on([5, 4, 2])],
  Dense: [
    on([8], ['Dense', { units: 5, activation: 'relu' }]),
    on([8], ['Dense', { units: 3, use_bias: false }]),
    on([6, 4], ['Dense', { units: 7 }]),
    on([3, 4, 2], ['Dense', { units: 5, activation: 'softmax' }]),
  ],
  SimpleRNN: recurrentCases('SimpleRNN'),
  LSTM: recurrentCases('LSTM'),
  GRU: recurrentCases('GRU'),
  Conv1D: [
    on([9, 2], ['Conv1D', { filters: 4, kernel_size: 3 }]),
    on([10, 2], ['Conv1D', { filters: 3, kernel_size: 4, strides: 2, padding: 'same' }]),
    on([9, 2], ['Conv1D', { filters: 3, kernel_size: 3, strides: 2 }]),
    on([9, 3], ['Conv1D', { filters: 2, kernel_size: 3, padding: 'causal' }]),
    on([9, 3], ['Conv1D', { filters: 2, kernel_size: 2, strides: 3, padding: 'causal' }]),
    on([11, 2], ['Conv1D', { filters: 2, kernel_size: 3, dilation_rate: 2 }]),
    on([11, 2], ['Conv1D', { filters: 2, kernel_size: 3, dilation_rate: 3, padding: 'same' }]),
    on([11, 2], ['Conv1D', { filters: 2, kernel_size: 3, dilation_rate: 2, padding: 'causal' }]),
    on([7, 2], ['Conv1D', { filters: 5, kernel_size: 7, use_bias: false }]),
  ],
  Conv2D: [
    on([7, 9, 2], ['Conv2D', { filters: 3 }]),
    on(
      [7, 9, 2],
      ['Conv2D', { filters: 3, kernel_size: [2, 4], strides: [2, 3], padding: 'same' }],
    ),
    on([7, 9, 1], ['Conv2D', { filters: 2, strides: [2, 2] }]),
    on([5, 6, 3], ['Conv2D', { filters: 4, kernel_size: [5, 6], use_bias: false }]),
  ],
  MaxPooling1D: poolingCases('MaxPooling1D'),
  AveragePooling1D: poolingCases('AveragePooling1D'),
  MaxPooling2D: [
    on([7, 5, 3], ['MaxPooling2D']),
    on([7, 5, 3], ['MaxPooling2D', { pool_size: [3, 2], strides: [1, 2], padding: 'same' }]),
    on([7, 5, 3], ['MaxPooling2D', { padding: 'same' }]),
    on([7, 5, 3], ['MaxPooling2D', { pool_size: [2, 2], strides: [3, 1] }]),
  ],
  GlobalAveragePooling1D: [on([9, 4], ['GlobalAveragePooling1D'])],
  GlobalMaxPooling1D: [on([9, 4], ['GlobalMaxPooling1D'])],
  Flatten: [on([4, 3], ['Flatten']), on([2, 3, 4], ['Flatten'])],
  Reshape: [
    on([12], ['Reshape', { target_shape: [3, 4] }]),
    on([3, 4], ['Reshape', { target_shape: [12] }]),
    on([2, 3, 4], ['Reshape', { target_shape: [6, 2, 2] }]),
    on([12], ['Reshape', { target_shape: [2, 2, 3] }]),
  ],
  Dropout: [on([8], ['Dropout', { rate: 0.3 }]), on([4, 3], ['Dropout', { rate: 0 }])],
  BatchNormalization: [
    on([8], ['BatchNormalization']),
    on([5, 4], ['BatchNormalization', { center: false }]),
    on([3, 3, 2], ['BatchNormalization', { scale: false }]),
    on([6], ['BatchNormalization', { center: false, scale: false }]),
  ],
  Activation: ACTIVATION_IDS.map((activation) => on([4, 3], ['Activation', { activation }])),
  PReLU: [on([8], ['PReLU']), on([4, 3], ['PReLU']), on([2, 3, 2], ['PReLU'])],
  LeakyReLU: [on([8], ['LeakyReLU', { alpha: 0.1 }]), on([4, 3], ['LeakyReLU'])],
  ELU: [on([4, 3], ['ELU'])],
};

function recurrentCases(kind: 'SimpleRNN' | 'LSTM' | 'GRU'): LayerEntry[][] {
  return [
    on([7, 3], [kind, { units: 4 }]),
    on([7, 3], [kind, { units: 4, return_sequences: true }]),
    on([7, 3], [kind, { units: 1, use_bias: false }]),
    on([5, 2], [kind, { units: 3, return_sequences: true }], [kind, { units: 2 }]),
    on([6, 2], [kind, { units: 3, dropout: 0.2, recurrent_dropout: 0.1, activation: 'relu' }]),
  ];
}

function poolingCases(kind: 'MaxPooling1D' | 'AveragePooling1D'): LayerEntry[][] {
  return [
    on([9, 2], [kind]),
    on([9, 2], [kind, { pool_size: 3, strides: 2 }]),
    on([9, 2], [kind, { pool_size: 2, strides: 3, padding: 'same' }]),
    on([9, 2], [kind, { pool_size: 4, padding: 'same' }]),
    on([5, 2], [kind, { pool_size: 5 }]),
    on([3, 2], [kind, { pool_size: 5, padding: 'same' }]),
  ];
}
