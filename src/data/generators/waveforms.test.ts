import { describe, expect, it } from 'vitest';
import { values } from '../test-helpers';
import { WAVEFORM_CLASSES, waveforms } from './waveforms';

describe('waveforms', () => {
  const s = { samples: 40, noise: 0.1, seed: 4, period: 12, segmentLength: 16 };

  it('has samples × segmentLength rows, one class per segment', () => {
    const t = waveforms(s);
    expect(t.kind).toBe('series');
    expect(t.rowCount).toBe(640);
    expect(t.roles).toEqual({ t: 'time', value: 'feature', waveform: 'label' });
    const label = t.columns[2];
    expect(label?.kind === 'categorical' && label.categories).toEqual([...WAVEFORM_CLASSES]);
    const codes = values(t, 'waveform');
    for (let seg = 0; seg < 40; seg++) {
      const part = codes.slice(seg * 16, seg * 16 + 16);
      expect(new Set(part).size).toBe(1);
    }
    expect(new Set(codes).size).toBe(4);
  });

  it('is deterministic for a seed', () => {
    expect(waveforms(s)).toEqual(waveforms(s));
    expect(values(waveforms({ ...s, seed: 5 }), 'waveform')).not.toEqual(
      values(waveforms(s), 'waveform'),
    );
  });
});
