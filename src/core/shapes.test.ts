import { describe, expect, it } from 'vitest';
import { renameLayer, type ModelSpec } from './model-spec';
import { formatShape, inferShapes } from './shapes';
import { specFrom, type LayerEntry } from './spec-from';

const infer = (entries: LayerEntry[]) => inferShapes(specFrom(entries));
const messages = (entries: LayerEntry[]) => infer(entries).errors.map((e) => e.message);
const oneError = (entries: LayerEntry[]) => {
  const errors = infer(entries).errors;
  expect(errors).toHaveLength(1);
  return errors[0];
};

describe('formatShape', () => {
  it('prints shapes as Keras does', () => {
    expect(formatShape([null, 32, 1])).toBe('(None, 32, 1)');
    expect(formatShape([null, 64])).toBe('(None, 64)');
    expect(formatShape([null])).toBe('(None,)');
  });
});

describe('inferShapes on valid models', () => {
  it('follows a Conv1D → pooling → LSTM → Dense stack', () => {
    const report = infer([
      ['Input', { shape: [32, 1] }],
      ['Conv1D', { filters: 16, kernel_size: 3, padding: 'same' }],
      ['MaxPooling1D'],
      ['LSTM', { units: 32 }],
      ['Dense', { units: 1 }],
    ]);
    expect(report.ok).toBe(true);
    expect(report.layers.map((l) => [l.name, l.output, l.params.trainable])).toEqual([
      ['input_layer', [null, 32, 1], 0],
      ['conv1d', [null, 32, 16], 3 * 1 * 16 + 16],
      ['max_pooling1d', [null, 16, 16], 0],
      ['lstm', [null, 32], 4 * (32 * (16 + 32) + 32)],
      ['dense', [null, 1], 33],
    ]);
    expect(report.layers[1]?.input).toEqual([null, 32, 1]);
    expect(report.output).toEqual([null, 1]);
  });

  it('counts BatchNormalization moving statistics as non-trainable', () => {
    const bn = infer([
      ['Input', { shape: [5, 7] }],
      ['BatchNormalization', { center: false }],
    ]);
    expect(bn.layers[1]?.params).toEqual({ trainable: 7, nonTrainable: 14 });
  });
});

describe('inferShapes errors', () => {
  it('explains a rank mismatch and how to fix it', () => {
    const e = oneError([['Input', { shape: [8] }], ['Dense', { units: 64 }], ['LSTM']]);
    expect(e?.layerId).toBe('layer-3');
    expect(e?.message).toBe(
      'LSTM needs a 3-D input (batch, timesteps, features) but Dense gives (None, 64): put the LSTM before the Dense, or add a Reshape.',
    );
  });

  it('suggests return_sequences between recurrent layers', () => {
    expect(messages([['Input', { shape: [10, 2] }], ['GRU'], ['LSTM']])).toEqual([
      'LSTM needs a 3-D input (batch, timesteps, features) but GRU gives (None, 32): turn on return_sequences in the GRU above, or add a Reshape.',
    ]);
    expect(messages([['Input', { shape: [10, 2] }], ['LSTM'], ['LSTM']])[0]).toContain(
      'but the previous LSTM gives (None, 32)',
    );
  });

  it('suggests changing the Input when the Input is the problem', () => {
    expect(messages([['Input', { shape: [8] }], ['Conv1D']])).toEqual([
      'Conv1D needs a 3-D input (batch, steps, channels) but the Input gives (None, 8): give the Input shape 2 numbers (steps, channels), or add a Reshape after it.',
    ]);
  });

  it('asks for a Reshape when the input has too many dimensions', () => {
    expect(
      messages([['Input', { shape: [8, 8, 1] }], ['Conv2D', { filters: 4 }], ['Conv1D']]),
    ).toEqual([
      'Conv1D needs a 3-D input (batch, steps, channels) but Conv2D gives (None, 6, 6, 4): add a Reshape before the Conv1D.',
    ]);
  });

  it('refuses a Flatten of something already flat', () => {
    expect(messages([['Input', { shape: [8] }], ['Dense', { units: 64 }], ['Flatten']])).toEqual([
      'Flatten needs an input with at least 3 dimensions (batch, …) but Dense gives (None, 64): it is already flat, so remove the Flatten.',
    ]);
  });

  it('requires the Input first and only first', () => {
    expect(messages([['Dense'], ['Dense']])).toEqual([
      'The model must start with an Input layer, not Dense: add an Input at the top and set its shape.',
    ]);
    const e = oneError([['Input', { shape: [4] }], ['Dense'], ['Input', { shape: [4] }]]);
    expect(e).toEqual({
      layerId: 'layer-3',
      message: 'Only the first layer can be an Input: remove this one, or move it to the top.',
    });
    expect(inferShapes({ layers: [] }).errors).toEqual([
      { layerId: null, message: 'The model is empty: add an Input layer first.' },
    ]);
  });

  it('refuses windows longer than the input with valid padding', () => {
    const pool: LayerEntry[] = [
      ['Input', { shape: [3, 2] }],
      ['MaxPooling1D', { pool_size: 5 }],
    ];
    expect(messages(pool)).toEqual([
      "MaxPooling1D pool_size 5 is longer than its input (3 steps) with padding 'valid': use padding 'same' or a smaller pool_size.",
    ]);
    expect(
      messages([
        ['Input', { shape: [3, 2] }],
        ['MaxPooling1D', { pool_size: 5, padding: 'same' }],
      ]),
    ).toEqual([]);
    expect(
      messages([
        ['Input', { shape: [5, 2] }],
        ['Conv1D', { kernel_size: 3, dilation_rate: 3 }],
      ]),
    ).toEqual([
      "Conv1D kernel_size 3 with dilation_rate 3 spans 7 steps, longer than its input (5 steps) with padding 'valid': use padding 'same' or 'causal', or a smaller kernel_size.",
    ]);
    expect(
      messages([
        ['Input', { shape: [2, 9, 1] }],
        ['MaxPooling2D', { pool_size: [3, 3] }],
      ]),
    ).toEqual([
      "MaxPooling2D pool_size (3, 3) is larger than its input (2×9) with padding 'valid': use padding 'same' or a smaller pool_size.",
    ]);
    expect(
      messages([
        ['Input', { shape: [4, 4, 1] }],
        ['Conv2D', { kernel_size: [5, 1] }],
      ])[0],
    ).toContain("Conv2D kernel_size (5, 1) is larger than its input (4×4) with padding 'valid'");
  });

  it('refuses strides combined with dilation, as Keras does', () => {
    expect(
      messages([
        ['Input', { shape: [20, 1] }],
        ['Conv1D', { strides: 2, dilation_rate: 2 }],
      ]),
    ).toEqual(["Conv1D can't combine strides 2 with dilation_rate 2: set one of them to 1."]);
  });

  it('refuses a Reshape that changes the number of values', () => {
    expect(
      messages([
        ['Input', { shape: [6] }],
        ['Reshape', { target_shape: [4, 2] }],
      ]),
    ).toEqual([
      'Reshape target_shape (4, 2) holds 8 values but its input (None, 6) holds 6: pick sizes that multiply to 6.',
    ]);
  });

  it('refuses out-of-range params with the allowed range', () => {
    expect(
      messages([
        ['Input', { shape: [4] }],
        ['Dense', { units: 0 }],
      ]),
    ).toEqual(['Dense units must be an integer between 1 and 4096 (got 0).']);
    expect(
      messages([
        ['Input', { shape: [4] }],
        ['Dropout', { rate: 1 }],
      ]),
    ).toEqual(['Dropout rate must be a number from 0 up to (not including) 1 (got 1).']);
  });

  it('does not cascade: layers below an error get null shapes and no shape errors', () => {
    const report = infer([
      ['Input', { shape: [8] }],
      ['LSTM'],
      ['Dense'],
      ['Flatten'],
      ['Dense', { units: 0 }],
    ]);
    expect(report.errors.map((e) => e.layerId)).toEqual(['layer-2', 'layer-5']);
    expect(report.layers.slice(1).map((l) => [l.input, l.output])).toEqual([
      [[null, 8], null],
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(report.layers[2]?.params).toEqual({ trainable: 0, nonTrainable: 0 });
    expect(report.output).toBeNull();
  });

  it('reports clashing custom names without hiding the shapes', () => {
    let spec: ModelSpec = specFrom([['Input', { shape: [4] }], ['Dense'], ['Dense']]);
    spec = renameLayer(renameLayer(spec, 'layer-2', 'same'), 'layer-3', 'same');
    const report = inferShapes(spec);
    expect(report.errors.map((e) => e.layerId)).toEqual(['layer-2', 'layer-3']);
    expect(report.errors[0]?.message).toBe(
      "Another layer is already called 'same': pick a different name.",
    );
    expect(report.layers[2]?.output).toEqual([null, 32]);
  });
});
