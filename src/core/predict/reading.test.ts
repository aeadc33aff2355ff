import { describe, expect, it } from 'vitest';
import { describeClass, rawFeatures, readClasses, readValue, scaledFeatures } from './reading';

describe('readClasses', () => {
  it('reads softmax outputs as they are', () => {
    const r = readClasses([0.1, 0.7, 0.2], 3);
    expect(r).toEqual({ ok: true, value: { probabilities: [0.1, 0.7, 0.2], best: 1, note: null } });
  });

  it('reads one sigmoid unit as the second class of two', () => {
    const r = readClasses([0.75], 2);
    expect(r.ok && r.value.probabilities).toEqual([0.25, 0.75]);
    expect(r.ok && r.value.best).toBe(1);
    expect(readClasses([3], 2).ok).toBe(false);
  });

  it('puts outputs that are not probabilities through a softmax, and says so', () => {
    const r = readClasses([0, Math.log(3)], 2);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.probabilities[0]).toBeCloseTo(0.25, 9);
    expect(r.value.probabilities[1]).toBeCloseTo(0.75, 9);
    expect(r.value.note).toMatch(/softmax/);
  });

  it('names the fix when the units do not match the classes, and refuses NaN', () => {
    const r = readClasses([0.5, 0.5], 10);
    expect(r).toEqual({
      ok: false,
      reason: expect.stringContaining("set the last Dense's units to 10") as string,
    });
    expect(readClasses([NaN, 1], 2).ok).toBe(false);
  });
});

describe('scaling one sample', () => {
  const z = { kind: 'zscore', offset: [10, -2], scale: [4, 0.5] };

  it('undoes and redoes the preparation: raw units ↔ model units', () => {
    const x = Float32Array.from([0, 0, 1, -1, 0.5, 2]);
    expect(rawFeatures(x, 1, z)).toEqual([14, -2.5]);
    expect(Array.from(scaledFeatures([14, -2.5], z))).toEqual([1, -1]);
    expect(Array.from(scaledFeatures(rawFeatures(x, 2, z), z))).toEqual([0.5, 2]);
  });

  it('leaves values alone without normalisation', () => {
    const none = { kind: 'none', offset: [0, 0], scale: [1, 1] };
    expect(rawFeatures(Float32Array.from([3, 4]), 0, none)).toEqual([3, 4]);
    expect(Array.from(scaledFeatures([3, 4], none))).toEqual([3, 4]);
  });

  it('reads a regression output in the target units', () => {
    expect(readValue(0.5, { offset: 100, scale: 20 })).toBe(110);
    expect(describeClass('7', 0.836)).toBe('7 (84%)');
  });
});
