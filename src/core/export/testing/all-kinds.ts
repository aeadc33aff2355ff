/** Two valid models that between them use every layer kind, for export round-trip tests. */
import { specFrom } from '../../spec-from';

export const sequenceStack = () =>
  specFrom([
    ['Input', { shape: [16, 1] }],
    ['Conv1D', { filters: 4, padding: 'causal', dilation_rate: 2, activation: 'relu' }],
    ['MaxPooling1D', { strides: 1, padding: 'same' }],
    ['AveragePooling1D', { pool_size: 3 }],
    ['LSTM', { units: 6, return_sequences: true, recurrent_dropout: 0.1 }],
    ['GRU', { units: 5, return_sequences: true, activation: 'softsign' }],
    ['SimpleRNN', { units: 8, return_sequences: true, use_bias: false }],
    ['BatchNormalization', { momentum: 0.9, epsilon: 1e-5, center: false }],
    ['LeakyReLU', { alpha: 0.2 }],
    ['PReLU'],
    ['ELU'],
    ['Activation', { activation: 'hard_sigmoid' }],
    ['Dropout', { rate: 0.25 }],
    ['GlobalAveragePooling1D'],
    ['Reshape', { target_shape: [2, 4] }],
    ['Flatten'],
    ['Dense', { units: 1 }],
  ]);

export const imageStack = () =>
  specFrom([
    ['Input', { shape: [8, 8, 1] }],
    ['Conv2D', { filters: 4, kernel_size: [3, 3], padding: 'same', activation: 'relu' }],
    ['MaxPooling2D', { pool_size: [2, 2], strides: [1, 1] }],
    ['Reshape', { target_shape: [49, 4] }],
    ['GlobalMaxPooling1D'],
    ['Dense', { units: 3, activation: 'softmax' }],
  ]);
