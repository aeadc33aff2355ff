import { describe, expect, it } from 'vitest';
import { confusionMatrix, labelClasses, predictedClasses } from './confusion';

describe('classification read-outs', () => {
  it('reads a sigmoid unit at 0.5 and several units by argmax', () => {
    expect(predictedClasses([0.2, 0.5, 0.9], 3, 1)).toEqual([0, 1, 1]);
    expect(predictedClasses([0.1, 0.7, 0.2, 0.6, 0.3, 0.1], 2, 3)).toEqual([1, 0]);
  });

  it('reads labels from class indices or one-hot rows, from a first sample on', () => {
    expect(labelClasses([0, 1, 2, 1], [4, 1], 1, 3)).toEqual([1, 2, 1]);
    expect(labelClasses([1, 0, 0, 0, 0, 1], [2, 3], 0, 2)).toEqual([0, 2]);
  });

  it('counts actual × predicted and gives per-class accuracy', () => {
    const c = confusionMatrix([0, 0, 1, 1, 1, 2], [0, 1, 1, 1, 0, 2], 3);
    expect(c.matrix).toEqual([
      [1, 1, 0],
      [1, 2, 0],
      [0, 0, 1],
    ]);
    expect(c.perClass.map((p) => p.accuracy)).toEqual([0.5, 2 / 3, 1]);
    expect(c.accuracy).toBeCloseTo(4 / 6, 12);
    expect(c.total).toBe(6);
  });

  it('says null for a class with no samples, and ignores out-of-range classes', () => {
    const c = confusionMatrix([0, 5], [0, 0], 2);
    expect(c.perClass[1]?.accuracy).toBeNull();
    expect(c.total).toBe(1);
  });
});
