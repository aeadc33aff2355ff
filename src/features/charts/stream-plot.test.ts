import { describe, expect, it } from 'vitest';
import { paintsSoFar, notePaint } from './paint-count';
import { batchColumns } from '../../core/charts/series';
import { batchChart, type CurveSource, type ViewOptions } from './loss-data';
import { drawnPoints, seriesShape, streamAxes, streamColumns, streamOptions } from './stream-plot';

const rows = [
  { x: 1, train: 0.9, val: 1.1 },
  { x: 2, train: 0.5 },
  { x: 3, train: 0, val: 0.4 },
];
const lines = [
  { key: 'train', name: 'Train', colour: '#111111' },
  { key: 'val', name: 'Validation', colour: '#222222', dashed: true },
  { key: 'raw', name: 'Raw', colour: '#333333', faint: true },
];

describe('stream chart columns for uPlot', () => {
  it('puts x first and one column per line, with null where a line has no value', () => {
    expect(streamColumns(rows, lines, false)).toEqual([
      [1, 2, 3],
      [0.9, 0.5, 0],
      [1.1, null, 0.4],
      [null, null, null],
    ]);
  });

  it('leaves out values a log scale cannot show', () => {
    expect(streamColumns(rows, lines.slice(0, 1), true)[1]).toEqual([0.9, 0.5, null]);
    expect(streamColumns([{ x: 1, train: Number.NaN }], lines.slice(0, 1), false)[1]).toEqual([
      null,
    ]);
  });

  it('counts the points a line draws', () => {
    expect(drawnPoints([1, null, 2, undefined])).toBe(2);
    expect(drawnPoints(new Float64Array([1, 2, 3]))).toBe(3);
  });

  it('fits the axes to the data, positive only on a log scale, or to a fixed range', () => {
    const lin = streamAxes(rows, ['train', 'val'], false);
    expect(lin.x.domain[0]).toBeLessThanOrEqual(1);
    expect(lin.x.domain[1]).toBeGreaterThanOrEqual(3);
    expect(lin.y.domain[0]).toBeLessThanOrEqual(0);
    expect(lin.y.domain[1]).toBeGreaterThanOrEqual(1.1);
    const log = streamAxes(rows, ['train', 'val'], true);
    expect(log.y.domain[0]).toBeGreaterThan(0);
    expect(streamAxes(rows, ['train'], false, [0, 1]).y.domain).toEqual([0, 1]);
  });
});

describe('stream chart options', () => {
  const axes = streamAxes(rows, ['train', 'val'], false);
  const opts = (log: boolean, dots: boolean) =>
    streamOptions({
      width: 300,
      height: 200,
      lines,
      log,
      dots: () => dots,
      axes: () => axes,
      ink: '#000000',
      onDraw: () => undefined,
    });

  it('styles each line as the legend shows it: dashed validation, thin faint raw values', () => {
    const [, train, val, raw] = opts(false, false).series;
    expect(train).toMatchObject({ label: 'Train', stroke: '#111111', width: 2, alpha: 1 });
    expect(train?.dash).toBeUndefined();
    expect(val?.dash).toEqual([5, 4]);
    expect(raw).toMatchObject({ width: 1, alpha: 0.45 });
  });

  it('uses a log distribution only on a log scale, and the app’s own ticks', () => {
    expect(opts(true, false).scales?.y?.distr).toBe(3);
    expect(opts(false, false).scales?.y?.distr).toBe(1);
    const y = opts(false, false).axes?.[1];
    const splits = y?.splits as () => number[];
    expect(splits()).toEqual(axes.y.ticks);
  });

  it('has no legend or cursor of its own (the figure has them)', () => {
    const o = opts(false, true);
    expect(o.legend?.show).toBe(false);
    expect(o.cursor?.show).toBe(false);
  });
});

describe('paint count', () => {
  it('counts every draw, and draws in one frame as one frame', async () => {
    const before = paintsSoFar();
    notePaint();
    notePaint();
    expect(paintsSoFar().draws - before.draws).toBe(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(paintsSoFar().frames - before.frames).toBe(1);
  });
});

describe('stream chart series shape', () => {
  const source = (n: number): CurveSource => ({
    key: 'cur',
    label: 'This run',
    colour: '',
    current: true,
    epochs: [],
    batches: batchColumns(
      Array.from({ length: n }, (_, i) => ({ epoch: 1, batch: i + 1, loss: 1 / (i + 1) })),
      1000,
    ),
  });
  const view: ViewOptions = { smoothing: 0.6, logScale: false };

  it('is the same for the lines of each redraw, so new data does not rebuild the plot', () => {
    const before = batchChart([source(10)], view);
    const after = batchChart([source(20)], view);
    expect(after.lines).not.toBe(before.lines);
    expect(seriesShape(after.lines)).toBe(seriesShape(before.lines));
  });

  it('changes with what a line looks like', () => {
    const shape = seriesShape(lines);
    expect(seriesShape([...lines])).toBe(shape);
    expect(seriesShape([{ ...lines[0]!, colour: '#333333' }, lines[1]!])).not.toBe(shape);
    expect(seriesShape([lines[0]!, { ...lines[1]!, dashed: false }])).not.toBe(shape);
    expect(seriesShape([lines[0]!, { ...lines[1]!, faint: true }])).not.toBe(shape);
    expect(seriesShape([{ ...lines[0]!, name: 'Run 2' }, lines[1]!])).not.toBe(shape);
    expect(seriesShape(lines.slice(0, 1))).not.toBe(shape);
  });
});
