import { describe, expect, it } from 'vitest';
import { createLayer, counterIds, updateParams } from '../../core/model-spec';
import { templateSpec } from '../../core/templates';
import { formatValue, layerCaption } from './layer-caption';

describe('layerCaption', () => {
  it('shows the first argument and the activation', () => {
    const [input, dense] = templateSpec('mlp', counterIds()).layers;
    expect(layerCaption(input!)).toBe('shape=(2,)');
    expect(layerCaption(dense!)).toBe('units=8 · activation=relu');
  });

  it('adds arguments changed from their default, at most three in all', () => {
    const spec = { layers: [createLayer('LSTM', 'l')] };
    const edited = updateParams(spec, 'l', { return_sequences: true, dropout: 0.2 });
    expect(layerCaption(edited.layers[0]!)).toBe(
      'units=32 · activation=tanh · return_sequences=True',
    );
  });

  it('is empty for a layer without arguments', () => {
    expect(layerCaption(createLayer('Flatten', 'f'))).toBe('');
  });
});

describe('formatValue', () => {
  it('prints values the way Keras code does', () => {
    expect(formatValue(null)).toBe('None');
    expect(formatValue(false)).toBe('False');
    expect(formatValue([32, 1])).toBe('(32, 1)');
    expect(formatValue(0.5)).toBe('0.5');
  });
});
