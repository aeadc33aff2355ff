import { describe, expect, it } from 'vitest';
import { decisionGrid, cellVerdicts } from './decision-grid';
import { fitQuality, predictedVsActual } from './predictions';

describe('predicted vs actual', () => {
  it('undoes the target normalisation and orders by table row', () => {
    const pts = predictedVsActual({
      values: [0.5, -1],
      count: 2,
      units: 1,
      firstSample: 1,
      y: [9, 1, 0],
      yWidth: 1,
      target: { offset: 100, scale: 10 },
      sourceRows: Int32Array.from([0, 40, 20]),
      rowOffset: 3,
    });
    expect(pts).toEqual([
      { x: 23, actual: 100, predicted: 90 },
      { x: 43, actual: 110, predicted: 105 },
    ]);
  });

  it('measures the fit in the data units', () => {
    const q = fitQuality([
      { x: 0, actual: 1, predicted: 1 },
      { x: 1, actual: 3, predicted: 2 },
    ]);
    expect(q.mae).toBe(0.5);
    expect(q.r2).toBeCloseTo(0.5, 12);
  });
});

describe('decision grid', () => {
  it('covers the data range plus a margin, row-major, in the data space', () => {
    const g = decisionGrid(Float32Array.from([0, 0, 10, 20]), 2, 4, 0.1);
    expect([g.x0, g.x1, g.y0, g.y1]).toEqual([-1, 11, -2, 22]);
    expect(g.inputs).toHaveLength(32);
    expect(g.inputs[0]).toBeCloseTo(-1 + 1.5, 6); // first cell centre
    expect(g.inputs[1]).toBeCloseTo(-2 + 3, 6);
    expect(g.inputs[2]).toBeCloseTo(-1 + 4.5, 6); // next column
    expect(g.inputs[9]).toBeCloseTo(-2 + 9, 6); // next row
  });

  it('reads each cell as a class with a confidence', () => {
    expect(cellVerdicts([0.2, 0.9], 2, 1)).toEqual([
      { cls: 0, confidence: 0.8 },
      { cls: 1, confidence: 0.9 },
    ]);
    expect(cellVerdicts([0.1, 0.3, 0.6], 1, 3)).toEqual([{ cls: 2, confidence: 0.6 }]);
  });
});
