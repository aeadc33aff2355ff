import { describe, expect, it } from 'vitest';
import { LAYER_DEFS } from '../../core/layers/catalog';
import { GROUP_ORDER, paletteGroups } from './palette-filter';

const kinds = (query: string) => paletteGroups(query).flatMap((g) => g.defs.map((d) => d.kind));

describe('paletteGroups', () => {
  it('lists every catalog kind exactly once, grouped in palette order', () => {
    const groups = paletteGroups('');
    expect(kinds('').sort()).toEqual(LAYER_DEFS.map((d) => d.kind).sort());
    expect(groups.map((g) => g.group)).toEqual(GROUP_ORDER);
    expect(groups.find((g) => g.group === 'Recurrent')?.defs.map((d) => d.kind)).toEqual([
      'SimpleRNN',
      'LSTM',
      'GRU',
    ]);
  });

  it('keeps kinds matching every word, case-insensitively, and drops empty groups', () => {
    expect(kinds('POOL 1d')).toEqual([
      'MaxPooling1D',
      'AveragePooling1D',
      'GlobalAveragePooling1D',
      'GlobalMaxPooling1D',
    ]);
    expect(paletteGroups('lstm').map((g) => g.group)).toEqual(['Recurrent']);
  });

  it('matches group names and help text, and finds nothing for nonsense', () => {
    expect(kinds('advanced')).toEqual(['PReLU', 'LeakyReLU', 'ELU']);
    expect(kinds('overfitting')).toContain('Dropout');
    expect(paletteGroups('zzzz')).toEqual([]);
  });
});
