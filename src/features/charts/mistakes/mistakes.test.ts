import { describe, expect, it } from 'vitest';
import { confusionMatrix, predictedClasses } from '../../../core/charts/confusion';
import { confidenceOf, mistakeCount, selectSamples, verdicts, type Verdict } from './mistakes';

/** Verdicts straight from model outputs, as the gallery builds them. */
function judge(values: number[], units: number, actual: number[], classes = 3) {
  const predicted = predictedClasses(values, actual.length, units);
  return verdicts(values, units, actual, predicted, classes);
}

const brief = (vs: Verdict[]) => vs.map((v) => [v.index, v.actual, v.predicted, v.confidence]);

describe('confidence', () => {
  it('is the picked side of one sigmoid unit', () => {
    expect(confidenceOf([0.9], 1)).toBeCloseTo(0.9, 12);
    expect(confidenceOf([0.2], 0)).toBeCloseTo(0.8, 12);
    expect(confidenceOf([0.5], 1)).toBe(0.5);
    // A linear unit's output past 0–1 is clamped, not read as a 140 % probability.
    expect(confidenceOf([1.4], 1)).toBe(1);
    expect(confidenceOf([-3], 0)).toBe(1);
  });

  it('is the picked unit of a softmax row, and the softmax of logits', () => {
    expect(confidenceOf([0.1, 0.7, 0.2], 1)).toBe(0.7);
    const logits = [2, 0, -1];
    const e = logits.map(Math.exp);
    expect(confidenceOf(logits, 0)).toBeCloseTo(e[0]! / (e[0]! + e[1]! + e[2]!), 12);
  });

  it('is unknown for outputs that are not finite (a diverged model)', () => {
    expect(confidenceOf([NaN], 0)).toBeNull();
    expect(confidenceOf([0.5, Infinity], 1)).toBeNull();
  });
});

describe('mistake selection', () => {
  // Softmax over 3 classes, 6 samples.
  const softmax = [
    [0.8, 0.1, 0.1], // 0: true 0, right
    [0.2, 0.7, 0.1], // 1: true 0 → 1 at 0.7
    [0.05, 0.9, 0.05], // 2: true 2 → 1 at 0.9
    [0.1, 0.2, 0.7], // 3: true 0 → 2 at 0.7 (ties with 1: sample order)
    [0.3, 0.6, 0.1], // 4: true 1, right at 0.6
    [0.1, 0.95, 0.05], // 5: true 1, right at 0.95
  ].flat();
  const actual = [0, 0, 2, 0, 1, 1];
  const all = judge(softmax, 3, actual);

  it('lists every mistake, most confident first, ties by sample order', () => {
    expect(brief(selectSamples(all, null))).toEqual([
      [2, 2, 1, 0.9],
      [1, 0, 1, 0.7],
      [3, 0, 2, 0.7],
    ]);
    expect(mistakeCount(all)).toBe(3);
  });

  it('an off-diagonal cell holds exactly the samples the confusion matrix counts there', () => {
    const c = confusionMatrix(
      actual,
      all.map((v) => v.predicted),
      3,
    );
    for (let a = 0; a < 3; a++) {
      for (let p = 0; p < 3; p++) {
        const shown = selectSamples(all, { actual: a, predicted: p });
        expect(shown.length, `cell ${a} → ${p}`).toBe(c.matrix[a]![p]);
        for (const v of shown) expect([v.actual, v.predicted]).toEqual([a, p]);
      }
    }
    expect(brief(selectSamples(all, { actual: 0, predicted: 2 }))).toEqual([[3, 0, 2, 0.7]]);
  });

  it('a diagonal cell lists the correct ones of that class, least confident first', () => {
    expect(brief(selectSamples(all, { actual: 1, predicted: 1 }))).toEqual([
      [4, 1, 1, 0.6],
      [5, 1, 1, 0.95],
    ]);
  });

  it('reads binary sigmoid outputs: class 1 at 0.5 and above, confidence of the side picked', () => {
    const bin = judge([0.1, 0.9, 0.45, 0.5, 0.02], 1, [1, 0, 1, 0, 0], 2);
    const shown = selectSamples(bin, null);
    expect(shown.map((v) => [v.index, v.actual, v.predicted])).toEqual([
      [0, 1, 0],
      [1, 0, 1],
      [2, 1, 0],
      [3, 0, 1],
    ]);
    expect(shown.map((v) => v.confidence)).toEqual([
      expect.closeTo(0.9, 12),
      expect.closeTo(0.9, 12),
      expect.closeTo(0.55, 12),
      0.5,
    ]);
    expect(selectSamples(bin, { actual: 0, predicted: 0 }).map((v) => v.index)).toEqual([4]);
  });

  it('puts outputs of unknown confidence last and leaves out classes the matrix does not count', () => {
    const vs = judge([NaN, 1, 0.2, 0.8, 0.9, 0.1], 2, [1, 0, 5], 2);
    // Sample 0 is NaN (picked class 0, true 1), sample 1 a confident mistake; sample 2's true
    // class 5 has no row in a 2-class matrix.
    expect(brief(selectSamples(vs, null))).toEqual([
      [1, 0, 1, 0.8],
      [0, 1, 0, null],
    ]);
    expect(vs.map((v) => v.index)).toEqual([0, 1]);
  });

  it('is empty without predictions, without mistakes, and for an empty cell', () => {
    expect(selectSamples([], null)).toEqual([]);
    expect(mistakeCount([])).toBe(0);
    const right = judge([0.9, 0.1, 0.2, 0.8], 2, [0, 1], 2);
    expect(selectSamples(right, null)).toEqual([]);
    expect(selectSamples(right, { actual: 0, predicted: 1 })).toEqual([]);
  });

  it('does not reorder the verdicts it was given', () => {
    const before = brief(all);
    selectSamples(all, null);
    expect(brief(all)).toEqual(before);
  });
});
