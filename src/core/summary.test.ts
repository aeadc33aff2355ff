import { describe, expect, it } from 'vitest';
import { specFrom } from './spec-from';
import { formatSummary, summarize } from './summary';

const spec = specFrom([
  ['Input', { shape: [16, 3] }],
  ['LSTM', { units: 8, return_sequences: true }],
  ['BatchNormalization'],
  ['GlobalAveragePooling1D'],
  ['Dense', { units: 1000, activation: 'softmax' }],
]);

describe('summarize', () => {
  it('gives Keras rows and totals, without the Input by default', () => {
    const s = summarize(spec);
    expect(s.rows.map((r) => [r.name, r.type, r.outputShape, r.params])).toEqual([
      ['lstm', 'LSTM', '(None, 16, 8)', 4 * (8 * (3 + 8) + 8)],
      ['batch_normalization', 'BatchNormalization', '(None, 16, 8)', 32],
      ['global_average_pooling1d', 'GlobalAveragePooling1D', '(None, 8)', 0],
      ['dense', 'Dense', '(None, 1000)', 9000],
    ]);
    expect(s).toMatchObject({
      total: 384 + 32 + 9000,
      trainable: 384 + 16 + 9000,
      nonTrainable: 16,
    });
  });

  it('can include the Input row, and marks unknown shapes', () => {
    const broken = specFrom([['Input', { shape: [4] }], ['LSTM'], ['Dense']]);
    const s = summarize(broken, { includeInput: true });
    expect(s.rows.map((r) => [r.type, r.outputShape, r.params])).toEqual([
      ['InputLayer', '(None, 4)', 0],
      ['LSTM', '?', 0],
      ['Dense', '?', 0],
    ]);
  });

  it('prints like Keras 2', () => {
    const text = formatSummary(
      summarize(
        specFrom([
          ['Input', { shape: [4] }],
          ['Dense', { units: 2 }],
        ]),
      ),
    );
    expect(text.split('\n')).toEqual([
      'Model: "sequential"',
      '_'.repeat(65),
      ' Layer (type)                Output Shape              Param #',
      '='.repeat(65),
      ' dense (Dense)               (None, 2)                 10',
      '='.repeat(65),
      'Total params: 10',
      'Trainable params: 10',
      'Non-trainable params: 0',
      '_'.repeat(65),
    ]);
    expect(formatSummary(summarize(spec))).toContain('Total params: 9,416');
  });
});
