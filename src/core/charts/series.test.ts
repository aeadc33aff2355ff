import { describe, expect, it } from 'vitest';
import { batchPoints, epochPoints, mergeSeries, pointsToDraw } from './series';

const epochs = [
  { epoch: 1, loss: 0.9, valLoss: 1.0, metrics: { accuracy: 0.5 }, valMetrics: { accuracy: 0.4 } },
  { epoch: 2, loss: 0.5, valLoss: null, metrics: { accuracy: 0.7 }, valMetrics: {} },
];

describe('metric series', () => {
  it('reads train and validation values per epoch, skipping missing ones', () => {
    expect(epochPoints(epochs, 'loss', false)).toEqual([
      { x: 1, y: 0.9 },
      { x: 2, y: 0.5 },
    ]);
    expect(epochPoints(epochs, 'loss', true)).toEqual([{ x: 1, y: 1.0 }]);
    expect(epochPoints(epochs, 'accuracy', true)).toEqual([{ x: 1, y: 0.4 }]);
    expect(epochPoints(epochs, 'mae', false)).toEqual([]);
  });

  it('puts batches of all epochs on one step axis', () => {
    const losses = [
      { epoch: 1, batch: 1, loss: 3 },
      { epoch: 1, batch: 2, loss: 2 },
      { epoch: 2, batch: 1, loss: 1 },
    ];
    expect(batchPoints(losses, 2).map((p) => p.x)).toEqual([1, 2, 3]);
  });

  it('merges series into rows by x, in order', () => {
    const rows = mergeSeries([
      {
        key: 'a',
        points: [
          { x: 2, y: 1 },
          { x: 1, y: 3 },
        ],
      },
      { key: 'b', points: [{ x: 2, y: 5 }] },
    ]);
    expect(rows).toEqual([
      { x: 1, a: 3 },
      { x: 2, a: 1, b: 5 },
    ]);
  });

  it('smooths, drops what a log axis cannot show and caps the points', () => {
    const pts = Array.from({ length: 100_000 }, (_, i) => ({
      x: i,
      y: i === 10 ? 0 : 1 + (i % 7),
    }));
    const drawn = pointsToDraw(pts, { smoothing: 0, logScale: true, maxPoints: 400 });
    expect(drawn).toHaveLength(400);
    expect(drawn.every((p) => p.y > 0)).toBe(true);
    const smooth = pointsToDraw(pts.slice(0, 50), {
      smoothing: 0.9,
      logScale: false,
      maxPoints: 400,
    });
    expect(smooth).toHaveLength(50);
    expect(smooth[0]?.y).toBeCloseTo(1, 10);
  });
});
