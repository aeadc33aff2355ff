import { describe, expect, it } from 'vitest';
import { alignSigns, centreGram, pcaFromGram } from './pca';
import { meanStd, quantiles } from './quantiles';
import { thinEvenly } from './thinning';
import { gradientWarning } from './gradient-health';
import { classSeparation } from './summaries';

const gramOf = (rows: number[][]) =>
  rows.flatMap((a) => rows.map((b) => a.reduce((s, v, k) => s + v * b[k]!, 0)));

describe('quantiles', () => {
  it('interpolate linearly like numpy', () => {
    // numpy.quantile([1, 2, 3, 4], [0, .25, .5, .9, 1]) = [1, 1.75, 2.5, 3.7, 4]
    const q = quantiles([4, 1, 3, 2], [0, 0.25, 0.5, 0.9, 1]);
    [1, 1.75, 2.5, 3.7, 4].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 12));
  });
  it('skip non-finite values and give NaN for none', () => {
    expect(quantiles([NaN, 5, Infinity], [0.5])).toEqual([5]);
    expect(quantiles([], [0.5])[0]).toBeNaN();
  });
  it('mean and population std', () => {
    const { mean, std } = meanStd([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(mean).toBe(5);
    expect(std).toBe(2);
  });
});

describe('PCA from the Gram matrix', () => {
  it('centres the Gram matrix as H·G·H', () => {
    const rows = [
      [1, 2],
      [3, 5],
      [0, -1],
    ];
    const mean = [4 / 3, 2];
    const centred = rows.map((r) => r.map((v, k) => v - mean[k]!));
    const want = gramOf(centred);
    const got = centreGram(gramOf(rows), 3);
    want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 10));
  });

  it('finds the known axes of points on a stretched, rotated, shifted ellipse', () => {
    // Points a·cos t along (1,1)/√2 with a = 3 and b·sin t along (1,−1)/√2 with b = 1, shifted.
    const n = 40;
    const rows: number[][] = [];
    const truth: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const t = (2 * Math.PI * i) / n;
      const u = 3 * Math.cos(t);
      const v = Math.sin(t);
      truth.push([u, v]);
      rows.push([(u + v) / Math.SQRT2 + 10, (u - v) / Math.SQRT2 - 4, 7]);
    }
    const { points, explained } = pcaFromGram(gramOf(rows), n);
    // Variances 9/2 and 1/2: shares 0.9 and 0.1.
    expect(explained[0]).toBeCloseTo(0.9, 6);
    expect(explained[1]).toBeCloseTo(0.1, 6);
    const sign0 = Math.sign(points[0]! * truth[0]![0]) || 1;
    const sign1 = Math.sign(points[2 * 5 + 1]! * truth[5]![1]) || 1;
    truth.forEach(([u, v], i) => {
      expect(points[2 * i]! * sign0).toBeCloseTo(u, 5);
      expect(points[2 * i + 1]! * sign1).toBeCloseTo(v, 5);
    });
  });

  it("starts from the last epoch's projection: the same answer, reached in fewer turns", () => {
    // 60 points in 5-D with variances 9, 4, 1, … along axes tilted away from the coordinates.
    const n = 60;
    const rows = Array.from({ length: n }, (_, i) => {
      const a = 3 * Math.sin(i * 0.7);
      const b = 2 * Math.cos(i * 1.9);
      const c = Math.sin(i * 3.1);
      return [a + 0.3 * b, b - 0.3 * a, c, 0.5 * c + 0.1 * a, 0.2 * Math.cos(i * 5.3)];
    });
    const g = gramOf(rows);
    const cold = pcaFromGram(g, n);
    // The same samples a little later in training: rows nudged, the old picture as the start.
    const moved = rows.map((r, i) => r.map((v, j) => v * (1 + 0.02 * Math.sin(i + j))));
    const gm = gramOf(moved);
    const exact = pcaFromGram(gm, n);
    const warm = pcaFromGram(gm, n, 500, cold.points);
    const agree = (p: Float64Array, q: Float64Array, digits: number) =>
      [0, 1].forEach((axis) => {
        const sign = Math.sign(p[axis]! * q[axis]!) || 1;
        for (let i = axis; i < p.length; i += 2) expect(p[i]! * sign).toBeCloseTo(q[i]!, digits);
      });
    agree(warm.points, exact.points, 4);
    expect(warm.explained[0]).toBeCloseTo(exact.explained[0], 6);
    // After three turns, the warm start is already close; a cold start is not.
    const warm3 = pcaFromGram(gm, n, 3, cold.points);
    const cold3 = pcaFromGram(gm, n, 3);
    const error = (p: Float64Array) =>
      Math.max(
        ...[0, 1].flatMap((axis) => {
          const sign = Math.sign(p[axis]! * exact.points[axis]!) || 1;
          return Array.from({ length: n }, (_, i) =>
            Math.abs(p[2 * i + axis]! * sign - exact.points[2 * i + axis]!),
          );
        }),
      );
    expect(error(warm3.points)).toBeLessThan(error(cold3.points) / 10);
  });

  it('gives zeros, not NaN, for identical samples', () => {
    const { points, explained } = pcaFromGram(
      gramOf([
        [1, 1],
        [1, 1],
        [1, 1],
      ]),
      3,
    );
    expect([...points].every((v) => v === 0)).toBe(true);
    expect(explained).toEqual([0, 0]);
  });

  it('keeps the signs of the previous projection', () => {
    const next = Float64Array.from([-1, 2, -3, 4]);
    expect([...alignSigns([1, 2, 3, 4], next)]).toEqual([1, 2, 3, 4]);
    expect([...alignSigns(null, Float64Array.from([-1, 0]))]).toEqual([-1, 0]);
  });
});

describe('thinning', () => {
  it('keeps everything under the budget', () => {
    expect(thinEvenly(4, 10)).toEqual([0, 1, 2, 3]);
  });
  it('spreads evenly and always keeps the first and last', () => {
    expect(thinEvenly(101, 5)).toEqual([0, 25, 50, 75, 100]);
    const kept = thinEvenly(1000, 64);
    expect(kept).toHaveLength(64);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(999);
  });
  it('keeps the last one when only one fits', () => {
    expect(thinEvenly(7, 1)).toEqual([6]);
    expect(thinEvenly(0, 3)).toEqual([]);
  });
});

describe('gradient warnings', () => {
  const point = (epoch: number, global: number | null, norms: (number | null)[]) => ({
    epoch,
    global,
    layers: norms.map((norm, i) => ({ name: `dense_${i + 1}`, norm })),
  });
  it('says nothing for healthy gradients', () => {
    expect(gradientWarning([point(1, 1, [0.5, 0.8]), point(2, 0.7, [0.3, 0.6])])).toBeNull();
    expect(gradientWarning([])).toBeNull();
  });
  it('names the first layer when its gradient vanishes', () => {
    const w = gradientWarning([point(3, 1, [1e-6, 0.2, 0.9])]);
    expect(w?.kind).toBe('vanishing');
    expect(w?.text).toContain('dense_1');
    expect(w?.advice).toMatch(/relu/);
  });
  it('warns when the norm grows a hundredfold past 10, or is not finite', () => {
    expect(gradientWarning([point(1, 0.5, []), point(2, 60, [])])?.kind).toBe('exploding');
    expect(gradientWarning([point(1, 0.5, []), point(2, 5, [])])).toBeNull();
    expect(gradientWarning([point(4, NaN, [])])?.kind).toBe('exploding');
  });
});

describe('class separation', () => {
  it('grows as classes pull apart', () => {
    const labels = [0, 0, 1, 1];
    const near = classSeparation([0, 0, 1, 0, 0.5, 0, 1.5, 0], labels);
    const far = classSeparation([0, 0, 1, 0, 10, 0, 11, 0], labels);
    expect(far).toBeGreaterThan(near * 5);
  });
});
