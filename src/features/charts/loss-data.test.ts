import { describe, expect, it } from 'vitest';
import { batchColumns } from '../../core/charts/series';
import { batchChart, epochChart, MAX_DRAWN, metricsIn, type CurveSource } from './loss-data';

const epochs = [
  { epoch: 1, loss: 1, valLoss: 1.2, metrics: { accuracy: 0.5 }, valMetrics: { accuracy: 0.4 } },
  { epoch: 2, loss: 0.5, valLoss: 0.7, metrics: { accuracy: 0.8 }, valMetrics: { accuracy: 0.7 } },
];
const losses = Array.from({ length: 100_000 }, (_, i) => ({
  epoch: Math.floor(i / 1000) + 1,
  batch: (i % 1000) + 1,
  loss: 1 + Math.sin(i),
}));
const current: CurveSource = {
  key: 'cur',
  label: 'This run',
  colour: '',
  current: true,
  epochs,
  batches: batchColumns(losses, 1000),
};
const earlier: CurveSource = {
  key: 'run-1',
  label: 'Run 1',
  colour: '#0ea5e9',
  current: false,
  epochs: [epochs[0]!],
  batches: [
    { x: 1, y: 2 },
    { x: 2, y: 1.5 },
  ],
};

describe('loss chart data', () => {
  it('draws train and validation per epoch for the current run and each overlay', () => {
    const { rows, lines } = epochChart([current, earlier], 'loss', false);
    expect(lines.map((l) => l.name)).toEqual([
      'Train',
      'Validation',
      'Run 1 train',
      'Run 1 validation',
    ]);
    expect(rows).toEqual([
      { x: 1, 'cur:train': 1, 'cur:val': 1.2, 'run-1:train': 1, 'run-1:val': 1.2 },
      { x: 2, 'cur:train': 0.5, 'cur:val': 0.7 },
    ]);
  });

  it('draws 100 000 batches with a bounded number of points, raw behind smoothed', () => {
    const { rows, lines } = batchChart([current, earlier], { smoothing: 0.6, logScale: false });
    expect(lines.map((l) => l.key)).toEqual(['cur:raw', 'cur:batch', 'run-1:batch']);
    const count = (key: string) => rows.filter((r) => r[key] !== undefined).length;
    expect(count('cur:batch')).toBe(MAX_DRAWN);
    expect(count('cur:raw')).toBe(MAX_DRAWN);
    expect(count('run-1:batch')).toBe(2);
    expect(rows.at(-1)?.x).toBe(100_000);
  });

  it('has no raw line without smoothing, and finds the metrics', () => {
    expect(batchChart([current], { smoothing: 0, logScale: true }).lines).toHaveLength(1);
    expect(metricsIn([current, earlier])).toEqual(['accuracy']);
  });
});
