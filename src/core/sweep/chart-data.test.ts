import { describe, expect, it } from 'vitest';
import { templateSpec } from '../templates';
import { defaultTrainingSettings } from '../training/settings';
import {
  axisValues,
  comparable,
  curveOrder,
  curveRows,
  heatmap,
  logScaled,
  parallelLines,
  scoreOf,
  valueAxis,
  valuePoints,
} from './chart-data';
import type { SweepValue } from './definition';
import type { ResultOutcome, RunSummary, SweepEpoch, SweepRunResult } from './results';

const summary = (
  index: number,
  values: SweepValue[],
  score: { best?: number | null; metric?: number | null; loss?: number | null } = {},
  outcome: ResultOutcome = 'finished',
): RunSummary => ({
  index,
  values,
  outcome,
  bestValLoss: score.best ?? null,
  finalValLoss: score.best ?? null,
  finalLoss: score.loss ?? null,
  finalMetric: score.metric ?? null,
  epochs: 2,
  timeMs: 100,
});

const epoch = (n: number, loss: number, valLoss: number | null): SweepEpoch => ({
  epoch: n,
  loss,
  valLoss,
  metric: null,
  valMetric: null,
});

const result = (index: number, epochs: SweepEpoch[]): SweepRunResult => ({
  index,
  values: [index],
  outcome: 'finished',
  message: null,
  spec: templateSpec('mlp'),
  settings: { ...defaultTrainingSettings, loss: 'binary_crossentropy' },
  epochs,
  timeMs: 0,
  samplesPerSec: null,
  backend: 'cpu',
});

describe('the score a chart draws', () => {
  it('is the final metric when asked, else the lowest validation loss, else the training loss', () => {
    const s = summary(1, [1], { best: 0.4, metric: 0.9, loss: 0.3 });
    expect(scoreOf(s, true)).toBe(0.9);
    expect(scoreOf(s, false)).toBe(0.4);
    expect(scoreOf(summary(2, [1], { loss: 0.3 }), false)).toBe(0.3);
    expect(scoreOf(summary(3, [1]), false)).toBeNull();
  });

  it('leaves out runs skipped by hand and runs a stop left unrun', () => {
    const rows = [
      summary(1, [1], { best: 1 }),
      summary(2, [2], { best: 0.5 }, 'skipped'),
      summary(3, [3], {}, 'not run'),
      summary(4, [4], { best: 2 }, 'stopped'),
    ];
    expect(comparable(rows).map((r) => r.index)).toEqual([1, 4]);
  });
});

describe('the overlaid curves', () => {
  it('gives one row per epoch of the longest run, validation loss first, null past a run’s end', () => {
    const rows = curveRows([
      result(1, [epoch(1, 0.9, 0.8), epoch(2, 0.7, 0.6), epoch(3, 0.5, 0.4)]),
      result(2, [epoch(1, 0.95, null)]),
    ]);
    expect(rows).toEqual([
      { epoch: 1, run1: 0.8, run2: 0.95 },
      { epoch: 2, run1: 0.6, run2: null },
      { epoch: 3, run1: 0.4, run2: null },
    ]);
  });

  it('keeps one empty epoch row when no run has trained yet', () => {
    expect(curveRows([result(1, [])])).toEqual([{ epoch: 1, run1: null }]);
  });

  it('draws the selected run last, so it lies on top, and keeps the others in order', () => {
    const runs = [result(1, []), result(2, []), result(3, [])];
    expect(curveOrder(runs, 2)).toEqual([1, 3, 2]);
    expect(curveOrder(runs, null)).toEqual([1, 2, 3]);
  });
});

describe('the score against one varied value', () => {
  it('sorts numeric values and keeps strings in first-seen order', () => {
    const nums = [summary(1, [0.1]), summary(2, [0.001]), summary(3, [0.01]), summary(4, [0.1])];
    expect(axisValues(nums, 0)).toEqual([0.001, 0.01, 0.1]);
    const names = [summary(1, ['sgd']), summary(2, ['adam']), summary(3, ['sgd'])];
    expect(axisValues(names, 0)).toEqual(['sgd', 'adam']);
  });

  it('places numbers at their value and categories at their position, dropping unscored runs', () => {
    expect(
      valuePoints(
        [summary(1, [0.1], { best: 0.5 }), summary(2, [0.001], { best: 0.2 }), summary(3, [1])],
        false,
      ),
    ).toEqual([
      { index: 1, x: 0.1, label: '0.1', score: 0.5 },
      { index: 2, x: 0.001, label: '0.001', score: 0.2 },
    ]);
    expect(
      valuePoints(
        [summary(1, ['sgd'], { metric: 0.7 }), summary(2, ['adam'], { metric: 0.9 })],
        true,
      ).map((p) => [p.x, p.label, p.score]),
    ).toEqual([
      [0, 'sgd', 0.7],
      [1, 'adam', 0.9],
    ]);
  });

  it('uses a log axis for positive numbers spanning two decades, not for categories', () => {
    expect(logScaled(0.001, 0.1)).toBe(true);
    expect(logScaled(0.01, 0.5)).toBe(false);
    expect(logScaled(0, 100)).toBe(false);
    const wide = valuePoints(
      [summary(1, [0.001], { best: 1 }), summary(2, [0.1], { best: 2 })],
      false,
    );
    expect(valueAxis(wide, true)).toEqual({ numeric: true, log: true });
    const narrow = valuePoints(
      [summary(1, [4], { best: 1 }), summary(2, [16], { best: 2 })],
      false,
    );
    expect(valueAxis(narrow, true)).toEqual({ numeric: true, log: false });
    expect(valueAxis(wide.slice(0, 1), true).log).toBe(false);
    const cats = valuePoints(
      [summary(1, ['a'], { best: 1 }), summary(2, ['b'], { best: 2 })],
      false,
    );
    expect(valueAxis(cats, false)).toEqual({ numeric: false, log: false });
  });
});

describe('the heatmap of two varied things', () => {
  it('lays out rows by the second value and columns by the first, with empty cells for gaps', () => {
    const h = heatmap(
      [
        summary(1, [0.1, 4], { best: 0.3 }),
        summary(2, [0.01, 4], { best: 0.5 }),
        summary(3, [0.01, 8], { best: 0.2 }),
      ],
      false,
    );
    expect(h.cols).toEqual(['0.01', '0.1']);
    expect(h.rows).toEqual(['4', '8']);
    expect(h.cells).toEqual([
      { col: 0, row: 0, index: 2, score: 0.5 },
      { col: 1, row: 0, index: 1, score: 0.3 },
      { col: 0, row: 1, index: 3, score: 0.2 },
      { col: 1, row: 1, index: null, score: null },
    ]);
    expect([h.min, h.max]).toEqual([0.2, 0.5]);
  });

  it('scores by the metric when asked, and has a 0..0 range when nothing is scored', () => {
    const h = heatmap([summary(1, ['relu', 2], { best: 0.3, metric: 0.8 })], true);
    expect(h.cells).toEqual([{ col: 0, row: 0, index: 1, score: 0.8 }]);
    const none = heatmap([summary(1, ['relu', 2])], false);
    expect([none.min, none.max]).toEqual([0, 0]);
  });
});

describe('parallel coordinates of three varied things', () => {
  const rows = [
    summary(1, [0.001, 'relu', 4], { best: 0.2 }),
    summary(2, [0.01, 'tanh', 8], { best: 0.6 }),
    summary(3, [0.1, 'relu', 16], { best: 1.0 }),
    summary(4, [0.1, 'tanh', 16]),
  ];

  it('labels each axis with its values and leaves unscored runs out', () => {
    const p = parallelLines(rows, false);
    expect(p.axes).toEqual([
      ['0.001', '0.01', '0.1'],
      ['relu', 'tanh'],
      ['4', '8', '16'],
    ]);
    expect(p.lines.map((l) => l.index)).toEqual([1, 2, 3]);
    expect(p.scoreRange).toEqual([0.2, 1.0]);
  });

  it('places log-spread numbers by their logarithm, others linearly, categories by position', () => {
    const ys = parallelLines(rows, false).lines.map((l) => l.ys.map((y) => Number(y.toFixed(6))));
    // Learning rate on a log axis: 0.01 sits halfway; units 4..16 linear: 8 sits at a third.
    expect(ys).toEqual([
      [0, 0, 0, 0],
      [0.5, 1, 0.333333, 0.5],
      [1, 0, 1, 1],
    ]);
  });

  it('centres an axis with one value and a score with no spread', () => {
    const p = parallelLines(
      [summary(1, [0.1, 'relu', 4], { best: 0.5 }), summary(2, [0.1, 'relu', 8], { best: 0.5 })],
      false,
    );
    expect(p.lines.map((l) => l.ys)).toEqual([
      [0.5, 0.5, 0, 0.5],
      [0.5, 0.5, 1, 0.5],
    ]);
  });
});
