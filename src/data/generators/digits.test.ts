import { describe, expect, it } from 'vitest';
import { DIGIT_CLASSES, pixelDigits, pixelName } from './digits';
import { values } from '../test-helpers';

describe('pixel digits', () => {
  const s = { samples: 200, noise: 0, seed: 8 };

  it('has 64 pixel features in [0, 1], a digit label and the sample shape [8, 8, 1]', () => {
    const t = pixelDigits(s);
    expect(t.rowCount).toBe(200);
    expect(t.sampleShape).toEqual([8, 8, 1]);
    expect(t.columns).toHaveLength(65);
    expect(t.columns[9]?.name).toBe(pixelName(1, 1));
    expect(Object.values(t.roles).filter((r) => r === 'feature')).toHaveLength(64);
    expect(t.roles.digit).toBe('label');
    const label = t.columns[64];
    expect(label?.kind === 'categorical' && label.categories).toEqual([...DIGIT_CLASSES]);
    for (const c of t.columns.slice(0, 64)) {
      for (const v of values(t, c.name)) expect(v >= 0 && v <= 1).toBe(true);
    }
  });

  it('draws each digit with ink: a noise-free image is not blank and differs between digits', () => {
    const t = pixelDigits(s);
    const codes = values(t, 'digit');
    const image = (row: number) =>
      t.columns.slice(0, 64).map((c) => (c.kind === 'numeric' ? c.values[row] : 0));
    const ink = (row: number) => image(row).filter((v) => (v ?? 0) > 0).length;
    for (let row = 0; row < 20; row++) expect(ink(row)).toBeGreaterThanOrEqual(10);
    const one = codes.indexOf(1);
    const eight = codes.indexOf(8);
    expect(ink(one)).toBeLessThan(ink(eight));
  });

  it('is deterministic for a seed', () => {
    expect(pixelDigits({ ...s, noise: 0.2 })).toEqual(pixelDigits({ ...s, noise: 0.2 }));
    expect(values(pixelDigits({ ...s, seed: 9 }), 'digit')).not.toEqual(
      values(pixelDigits(s), 'digit'),
    );
  });
});
