import { describe, expect, it } from 'vitest';
import {
  sawtooth,
  sawtoothWave,
  sine,
  square,
  squareWave,
  sumOfSines,
  triangleWave,
} from './series';
import { values } from '../test-helpers';

const s = { samples: 120, noise: 0, seed: 2, period: 20, trend: 0 };

describe.each([
  ['sine', sine],
  ['sum-of-sines', sumOfSines],
  ['sawtooth', sawtooth],
  ['square', square],
])('%s', (_name, make) => {
  it('is a series of samples rows: t = 0, 1, 2 … and value', () => {
    const t = make(s);
    expect(t.kind).toBe('series');
    expect(t.rowCount).toBe(120);
    expect(t.roles).toEqual({ t: 'time', value: 'feature' });
    expect(values(t, 't')).toEqual(Array.from({ length: 120 }, (_, i) => i));
    for (const v of values(t, 'value')) expect(Math.abs(v)).toBeLessThanOrEqual(1.05);
  });

  it('repeats with its period when noise-free (sum of sines: not exactly)', () => {
    const v = values(make(s), 'value');
    if (_name !== 'sum-of-sines') expect(v[5]).toBeCloseTo(v[25] as number, 9);
  });

  it('is deterministic for a seed; noise depends on the seed', () => {
    const noisy = { ...s, noise: 0.2 };
    expect(make(noisy)).toEqual(make(noisy));
    expect(values(make({ ...noisy, seed: 3 }), 'value')).not.toEqual(values(make(noisy), 'value'));
  });

  it('adds trend·t', () => {
    const flat = values(make(s), 'value');
    const rising = values(make({ ...s, trend: 0.05 }), 'value');
    rising.forEach((v, i) => expect(v - (flat[i] as number)).toBeCloseTo(0.05 * i, 9));
  });
});

it('wave shapes hit their landmarks', () => {
  expect(sawtoothWave(0)).toBe(-1);
  expect(sawtoothWave(0.5)).toBe(0);
  expect(squareWave(0.25)).toBe(1);
  expect(squareWave(0.75)).toBe(-1);
  expect(triangleWave(0.5)).toBe(1);
  expect(triangleWave(0)).toBe(-1);
});
