import { describe, expect, it } from 'vitest';
import { LAYER_KINDS, type LayerKind } from '../layers/catalog';
import { specFrom, type LayerEntry } from '../spec-from';
import { HARD_SIGMOID_DEF, kerasLayerLine, usesHardSigmoid } from './keras-python-layers';

/** Every kind, with params off their defaults where that shows the argument is passed through. */
const CASES: Record<LayerKind, [LayerEntry, string]> = {
  Input: [['Input', { shape: [32, 1] }], 'keras.Input(shape=(32, 1), name="x")'],
  Dense: [
    ['Dense', { units: 8, activation: 'relu', use_bias: false }],
    'layers.Dense(units=8, activation="relu", use_bias=False, name="x")',
  ],
  SimpleRNN: [
    ['SimpleRNN', { units: 16, return_sequences: true }],
    'layers.SimpleRNN(units=16, activation="tanh", use_bias=True, dropout=0.0, recurrent_dropout=0.0, return_sequences=True, name="x")',
  ],
  LSTM: [
    ['LSTM', { units: 64, dropout: 0.2, recurrent_activation: 'hard_sigmoid' }],
    'layers.LSTM(units=64, activation="tanh", recurrent_activation=layerlab_hard_sigmoid, use_bias=True, dropout=0.2, recurrent_dropout=0.0, return_sequences=False, name="x")',
  ],
  GRU: [
    ['GRU', { units: 4, recurrent_dropout: 0.1 }],
    'layers.GRU(units=4, activation="tanh", recurrent_activation="sigmoid", use_bias=True, dropout=0.0, recurrent_dropout=0.1, return_sequences=False, reset_after=False, name="x"),  # TensorFlow.js trains only the reset_after=False GRU',
  ],
  Conv1D: [
    ['Conv1D', { filters: 8, kernel_size: 5, padding: 'causal', dilation_rate: 2 }],
    'layers.Conv1D(filters=8, kernel_size=5, strides=1, padding="causal", dilation_rate=2, activation="linear", use_bias=True, name="x")',
  ],
  Conv2D: [
    ['Conv2D', { filters: 4, kernel_size: [3, 5], strides: [2, 1], padding: 'same' }],
    'layers.Conv2D(filters=4, kernel_size=(3, 5), strides=(2, 1), padding="same", activation="linear", use_bias=True, name="x")',
  ],
  MaxPooling1D: [
    ['MaxPooling1D', { pool_size: 2, strides: 1, padding: 'same' }],
    'layers.MaxPooling1D(pool_size=2, strides=1, padding="same", name="x")',
  ],
  AveragePooling1D: [
    ['AveragePooling1D', { pool_size: 3 }],
    'layers.AveragePooling1D(pool_size=3, strides=None, padding="valid", name="x")',
  ],
  MaxPooling2D: [
    ['MaxPooling2D', { pool_size: [2, 3], strides: [1, 1] }],
    'layers.MaxPooling2D(pool_size=(2, 3), strides=(1, 1), padding="valid", name="x")',
  ],
  GlobalAveragePooling1D: [['GlobalAveragePooling1D'], 'layers.GlobalAveragePooling1D(name="x")'],
  GlobalMaxPooling1D: [['GlobalMaxPooling1D'], 'layers.GlobalMaxPooling1D(name="x")'],
  Flatten: [['Flatten'], 'layers.Flatten(name="x")'],
  Reshape: [['Reshape', { target_shape: [8] }], 'layers.Reshape(target_shape=(8,), name="x")'],
  Dropout: [['Dropout', { rate: 0.25 }], 'layers.Dropout(rate=0.25, name="x")'],
  BatchNormalization: [
    ['BatchNormalization', { momentum: 0.9, epsilon: 1e-5, center: false }],
    'layers.BatchNormalization(momentum=0.9, epsilon=0.00001, center=False, scale=True, name="x")',
  ],
  Activation: [
    ['Activation', { activation: 'gelu' }],
    'layers.Activation(activation="gelu", name="x")',
  ],
  PReLU: [['PReLU'], 'layers.PReLU(name="x")'],
  LeakyReLU: [
    ['LeakyReLU', { alpha: 0.1 }],
    'layers.LeakyReLU(negative_slope=0.1, name="x"),  # Keras 3 name; Keras 2 (TensorFlow <= 2.15) calls it alpha',
  ],
  ELU: [['ELU'], 'layers.ELU(alpha=1.0, name="x")'],
};

describe('kerasLayerLine', () => {
  it('has a case for every kind in the catalog', () => {
    expect(Object.keys(CASES).sort()).toEqual([...LAYER_KINDS].sort());
  });

  it.each(Object.entries(CASES))('writes %s with Keras argument names', (_, [entry, expected]) => {
    const layer = specFrom([entry]).layers[0];
    if (!layer) throw new Error('no layer');
    expect(kerasLayerLine(layer, 'x')).toContain(expected);
  });

  it("names the script's own hard sigmoid, since Keras 3's differs from tfjs's", () => {
    const [, layer] = specFrom([
      ['Input', { shape: [4] }],
      ['Activation', { activation: 'hard_sigmoid' }],
    ]).layers;
    expect(kerasLayerLine(layer!, 'x')).toBe(
      'layers.Activation(activation=layerlab_hard_sigmoid, name="x"),',
    );
    expect(usesHardSigmoid(layer!)).toBe(true);
    const [, dense] = specFrom([['Input', { shape: [4] }], ['Dense']]).layers;
    expect(usesHardSigmoid(dense!)).toBe(false);
    expect(HARD_SIGMOID_DEF).toContain('return keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)');
  });

  it('escapes a hostile layer name into one string literal', () => {
    const layer = specFrom([['Dense', { units: 1 }]]).layers[0];
    if (!layer) throw new Error('no layer');
    const line = kerasLayerLine(layer, 'x")\nimport os  # "\'');
    expect(line).toBe(
      'layers.Dense(units=1, activation="linear", use_bias=True, name="x\\")\\nimport os  # \\"\'"),',
    );
    expect(line).not.toContain('\n');
  });
});
