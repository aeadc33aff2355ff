import { describe, expect, it } from 'vitest';
import { numpyShuffle } from './numpy-random';
import { drawSeed, splitFiles, type LabelledFile } from './split';

const range = (n: number) => [...Array(n).keys()];
const files = (n: number): LabelledFile[] =>
  range(n).map((i) => ({ path: `c${i % 3}/${i}.png`, label: i % 3 }));

describe('numpyShuffle', () => {
  // Printed by NumPy 2.4.6: x = list(range(n)); np.random.RandomState(seed).shuffle(x); print(x)
  it.each([
    [0, 10, [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]],
    [42, 10, [8, 1, 5, 0, 7, 2, 9, 4, 3, 6]],
    [1337, 7, [6, 2, 1, 3, 0, 4, 5]],
    [
      123456,
      25,
      [24, 13, 21, 3, 5, 7, 9, 19, 6, 2, 16, 22, 12, 14, 23, 8, 4, 0, 20, 15, 11, 17, 18, 10, 1],
    ],
    [4294967295, 5, [4, 1, 0, 2, 3]],
  ])('matches RandomState(%i).shuffle on %i items', (seed, n, expected) => {
    expect(numpyShuffle(range(n), seed)).toEqual(expected);
  });

  it('leaves its input alone and keeps every item once', () => {
    const input = range(1000);
    const out = numpyShuffle(input, 9);
    expect(input).toEqual(range(1000));
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(out).not.toEqual(input);
  });
});

describe('splitFiles (Keras rules)', () => {
  const opts = { validation_split: 0.2, subset: 'both', shuffle: true } as const;

  it('takes the last int(split × n) shuffled files for validation', () => {
    const all = files(10);
    const { training, validation } = splitFiles(all, opts, 42);
    const shuffled = [8, 1, 5, 0, 7, 2, 9, 4, 3, 6].map((i) => all[i]);
    expect(training).toEqual(shuffled.slice(0, 8));
    expect(validation).toEqual(shuffled.slice(8));
  });

  it('keeps files and labels paired (Keras shuffles both with the same seed)', () => {
    const { training, validation } = splitFiles(files(50), opts, 3);
    for (const f of [...training!, ...validation!]) {
      expect(f.path.startsWith(`c${f.label}/`)).toBe(true);
    }
  });

  it('gives the same split for the same seed and another for another seed', () => {
    const a = splitFiles(files(100), opts, 11);
    expect(splitFiles(files(100), opts, 11)).toEqual(a);
    expect(splitFiles(files(100), opts, 12).validation).not.toEqual(a.validation);
    // Disjoint subsets covering every file.
    const paths = [...a.training!, ...a.validation!].map((f) => f.path);
    expect(new Set(paths).size).toBe(100);
    expect(a.validation).toHaveLength(20);
  });

  it('rounds the validation count down, as int() does', () => {
    expect(splitFiles(files(9), { ...opts, validation_split: 0.25 }, 1).validation).toHaveLength(2);
  });

  it('keeps the sorted order without shuffle, and one subset on request', () => {
    const all = files(10);
    const training = splitFiles(all, { ...opts, shuffle: false, subset: 'training' }, 0);
    expect(training.training).toEqual(all.slice(0, 8));
    expect(training.validation).toBeNull();
    const validation = splitFiles(all, { ...opts, shuffle: false, subset: 'validation' }, 0);
    expect(validation.validation).toEqual(all.slice(8));
    expect(validation.training).toBeNull();
  });

  it('returns every file with no split, whatever the subset', () => {
    const s = splitFiles(files(4), { ...opts, validation_split: 0 }, 5);
    expect(s.training).toHaveLength(4);
    expect(s.validation).toBeNull();
  });

  it('keeps every file for training when int(split × n) is 0', () => {
    const s = splitFiles(files(3), { ...opts, validation_split: 0.2 }, 5);
    expect(s.training).toHaveLength(3);
    expect(s.validation).toEqual([]);
  });

  it('draws seeds below 1e6 as Keras does', () => {
    expect(drawSeed(() => 0)).toBe(0);
    expect(drawSeed(() => 0.9999999)).toBe(999999);
  });
});
