import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareSchema, type PrepareConfig } from './config';
import { prepareDataset } from './prepare';
import { categoricalColumn, numericColumn, type Table } from './table';
import { unwrap } from './test-helpers';

const prep = (over: object = {}): PrepareConfig => prepareSchema.parse(over);
const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** rows i: a = i, b = i², label = i % 3 as text */
function table(rows: number, over: Partial<Table> = {}): Table {
  const idx = range(rows);
  return {
    columns: [
      numericColumn('a', idx),
      numericColumn(
        'b',
        idx.map((i) => i * i),
      ),
      categoricalColumn(
        'label',
        idx.map((i) => ['x', 'y', 'z'][i % 3] as string),
      ),
    ],
    rowCount: rows,
    roles: { a: 'feature', b: 'feature', label: 'label' },
    kind: 'table',
    ...over,
  };
}

function series(values: number[]): Table {
  return {
    columns: [numericColumn('t', range(values.length)), numericColumn('value', values)],
    rowCount: values.length,
    roles: { t: 'time', value: 'feature' },
    kind: 'series',
  };
}

const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

describe('prepareDataset: tables', () => {
  it('builds x [N, F], one-hot y [N, k], the task and the output suggestion', () => {
    const p = unwrap(prepareDataset(table(30), prep({ normalisation: 'none' })));
    expect(p.xShape).toEqual([30, 2]);
    expect(p.yShape).toEqual([30, 3]);
    expect([p.task, p.numClasses, p.classNames]).toEqual(['multiclass', 3, ['x', 'y', 'z']]);
    expect(p.suggestedOutput).toEqual({
      units: 3,
      activation: 'softmax',
      loss: 'categorical_crossentropy',
    });
    expect(p.featureNames).toEqual(['a', 'b']);
    expect(p.trainCount).toBe(24);
    // each sample's values come from its source row
    for (let k = 0; k < 30; k++) {
      const row = p.sourceRows[k] as number;
      expect([p.x[2 * k], p.x[2 * k + 1]]).toEqual([row, row * row]);
      expect(p.y[3 * k + (row % 3)]).toBe(1);
    }
    expect(p.description).toBe(
      "30 rows × 2 features → 'label' (multiclass, 3 classes); 24 train / 6 validation, random split.",
    );
  });

  it('shuffles rows with the seed: every row once, same seed same order', () => {
    const a = unwrap(prepareDataset(table(50), prep({ seed: 1 })));
    expect([...a.sourceRows].sort((x, y) => x - y)).toEqual(range(50));
    expect(unwrap(prepareDataset(table(50), prep({ seed: 1 }))).sourceRows).toEqual(a.sourceRows);
    expect(unwrap(prepareDataset(table(50), prep({ seed: 2 }))).sourceRows).not.toEqual(
      a.sourceRows,
    );
  });

  it('fits the normalisation on the training rows only', () => {
    for (const normalisation of ['zscore', 'minmax'] as const) {
      const p = unwrap(prepareDataset(table(100), prep({ normalisation, seed: 3 })));
      const train = [...p.sourceRows.slice(0, p.trainCount)];
      const valid = [...p.sourceRows.slice(p.trainCount)];
      expect(valid.length).toBe(20);
      const expected = normalisation === 'zscore' ? mean(train) : Math.min(...train);
      expect(p.normalisation.offset[0]).toBeCloseTo(expected, 9);
      // the validation rows would have moved it
      const all = normalisation === 'zscore' ? 49.5 : 0;
      if (normalisation === 'zscore') expect(p.normalisation.offset[0]).not.toBeCloseTo(all, 3);
      else expect(p.normalisation.scale[0]).toBe(Math.max(...train) - Math.min(...train));
      // training features are centred (z-score) or within [0, 1] (min-max); validation may not be
      const trainA = range(p.trainCount).map((k) => p.x[2 * k] as number);
      if (normalisation === 'zscore') expect(mean(trainA)).toBeCloseTo(0, 5);
      else expect(Math.min(...trainA) === 0 && Math.max(...trainA) === 1).toBe(true);
    }
  });

  it('scales in full precision before converting to float32 (e.g. time stamps as features)', () => {
    const stamps = range(100).map((i) => 1.6e9 + i);
    const t: Table = {
      columns: [
        numericColumn('stamp', stamps),
        numericColumn(
          'y',
          range(100).map((i) => i / 7),
        ),
      ],
      rowCount: 100,
      roles: { stamp: 'feature', y: 'label' },
      kind: 'table',
    };
    const p = unwrap(prepareDataset(t, prep({ normalisation: 'minmax', validationSplit: 0 })));
    for (let k = 0; k < 100; k++) expect(p.x[k]).toBeCloseTo((p.sourceRows[k] as number) / 99, 6);
  });

  it('keeps order for tables with a time column (auto split is chronological)', () => {
    const t = table(10, { roles: { a: 'time', b: 'feature', label: 'label' } });
    const p = unwrap(prepareDataset(t, prep()));
    expect(p.splitMode).toBe('chronological');
    expect([...p.sourceRows]).toEqual(range(10));
  });

  it('uses no validation when the split is 0, and holds out at least one sample otherwise', () => {
    expect(unwrap(prepareDataset(table(10), prep({ validationSplit: 0 }))).trainCount).toBe(10);
    expect(unwrap(prepareDataset(table(3), prep({ validationSplit: 0.05 }))).trainCount).toBe(2);
    expect(reason(prepareDataset(table(1), prep()))).toBe(
      'There is only 1 sample, too few to hold 20 % out for validation; lower the validation split or add data.',
    );
  });

  it('keeps an image table’s sample shape', () => {
    const pixels = range(4).map((i) => numericColumn(`p${i}`, [i, i + 1, i + 2]));
    const t: Table = {
      columns: [...pixels, categoricalColumn('digit', ['0', '1', '0'])],
      rowCount: 3,
      roles: { p0: 'feature', p1: 'feature', p2: 'feature', p3: 'feature', digit: 'label' },
      kind: 'table',
      sampleShape: [2, 2, 1],
    };
    const p = unwrap(prepareDataset(t, prep({ validationSplit: 0 })));
    expect(p.xShape).toEqual([3, 2, 2, 1]);
    expect(p.task).toBe('binary');
    expect(p.yShape).toEqual([3, 1]);
    expect(p.description).toContain('3 samples of 2×2×1');
  });

  it('scales a regression target and reports how to undo it', () => {
    // 60 distinct whole numbers: more than 50, so auto picks regression
    const t = table(60, { roles: { a: 'feature', b: 'label', label: 'ignore' } });
    const p = unwrap(prepareDataset(t, prep({ normalisation: 'zscore' })));
    expect(p.task).toBe('regression');
    expect(p.suggestedOutput.loss).toBe('mse');
    const { offset, scale } = p.targetNormalisation;
    for (let k = 0; k < 60; k++) {
      const row = p.sourceRows[k] as number;
      expect((p.y[k] as number) * scale + offset).toBeCloseTo(row * row, 3);
    }
  });

  it('explains what is missing or wrong in the roles', () => {
    expect(
      reason(prepareDataset(table(5, { roles: { a: 'feature', b: 'feature' } }), prep())),
    ).toBe('No column has the label role: choose the column to predict.');
    expect(reason(prepareDataset(series([1, 2, 3]), prep()))).toBe(
      'No column has the label role: choose the column to predict, or turn on windowing to forecast a column from its past.',
    );
    expect(
      reason(
        prepareDataset(table(5, { roles: { a: 'label', b: 'label', label: 'label' } }), prep()),
      ),
    ).toBe(
      "Columns 'a', 'b', 'label' all have the label role; a model predicts one column, so give the others the feature or ignore role.",
    );
    expect(
      reason(
        prepareDataset(table(5, { roles: { a: 'ignore', b: 'ignore', label: 'label' } }), prep()),
      ),
    ).toBe("No column has the feature role: choose at least one column to predict 'label' from.");
    expect(
      reason(
        prepareDataset(table(5, { roles: { a: 'feature', label: 'feature', b: 'label' } }), prep()),
      ),
    ).toBe(
      "Column 'label' holds text, and a feature must be a number; give it the label or ignore role.",
    );
    const gap = table(5);
    (gap.columns[0] as { values: Float64Array }).values[3] = Number.NaN;
    expect(reason(prepareDataset(gap, prep()))).toBe(
      "Row 4 of the data, column 'a', has no value; choose how to handle missing values.",
    );
  });
});

describe('prepareDataset: windows', () => {
  const win = (w: object, over: object = {}) =>
    prep({ windowing: { enabled: true, ...w }, ...over });

  it('builds [N, T, F] windows with the next value as target, split chronologically', () => {
    const p = unwrap(
      prepareDataset(
        series(range(20)),
        win({ length: 3, stride: 1, horizon: 1 }, { normalisation: 'none', validationSplit: 0.25 }),
      ),
    );
    // rows 0..14 train (12 windows), rows 15..19 validation (2 windows)
    expect(p.xShape).toEqual([14, 3, 1]);
    expect(p.trainCount).toBe(12);
    expect([...p.x.slice(0, 3)]).toEqual([0, 1, 2]);
    expect([...p.y]).toEqual([...range(12).map((k) => k + 3), 18, 19]);
    expect([...p.sourceRows.slice(12)]).toEqual([15, 16]);
    expect(p.description).toBe(
      "14 windows of 3 steps × 1 feature → next 'value' (regression); 12 train / 2 validation, chronological split.",
    );
  });

  it('fits the normalisation on training rows only: a jump in the validation part does not move it', () => {
    const values = range(100).map((i) => (i < 80 ? i % 10 : 1000));
    const p = unwrap(prepareDataset(series(values), win({ length: 5 })));
    expect(p.normalisation.offset[0]).toBeCloseTo(4.5, 9);
    expect(p.normalisation.scale[0]).toBeCloseTo(Math.sqrt(8.25), 9);
    // forecasting a feature: the target shares its scaling
    expect(p.targetNormalisation).toEqual({
      offset: p.normalisation.offset[0],
      scale: p.normalisation.scale[0],
    });
  });

  it('never lets a training window read or predict a validation row (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 200 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0.1, max: 0.5, noNaN: true }),
        (rows, length, stride, horizon, validationSplit) => {
          const r = prepareDataset(
            series(range(rows)),
            win({ length, stride, horizon }, { validationSplit }),
          );
          if (!r.ok) return /needs at least/.test(r.reason);
          const p = r.value;
          const starts = [...p.sourceRows];
          const lastTrainRow = Math.max(
            ...starts.slice(0, p.trainCount).map((s) => s + length - 1 + horizon),
          );
          const firstValidRow = Math.min(...starts.slice(p.trainCount));
          return p.trainCount < starts.length && lastTrainRow < firstValidRow;
        },
      ),
    );
  });

  it('classifies windows by the label at their last step', () => {
    const t: Table = {
      columns: [
        numericColumn('v', range(12)),
        categoricalColumn(
          'wave',
          range(12).map((i) => (i < 6 ? 'sine' : 'square')),
        ),
      ],
      rowCount: 12,
      roles: { v: 'feature', wave: 'label' },
      kind: 'series',
    };
    const p = unwrap(
      prepareDataset(
        t,
        win(
          { mode: 'classify', length: 3, stride: 3 },
          { validationSplit: 0, labelEncoding: 'sparse' },
        ),
      ),
    );
    expect(p.xShape).toEqual([4, 3, 1]);
    expect([...p.y]).toEqual([0, 0, 1, 1]);
    expect(p.suggestedOutput).toEqual({
      units: 1,
      activation: 'sigmoid',
      loss: 'binary_crossentropy',
    });
    expect(p.description).toContain("→ 'wave' at the last step (binary, 2 classes)");
  });

  it('uses the chosen target and feature columns', () => {
    const t = table(30);
    const p = unwrap(
      prepareDataset(
        t,
        win(
          { length: 4, horizon: 2, targetColumn: 'b', featureColumns: ['a', 'b'] },
          { normalisation: 'none', validationSplit: 0 },
        ),
      ),
    );
    expect(p.xShape).toEqual([25, 4, 2]);
    expect(p.featureNames).toEqual(['a', 'b']);
    expect(p.targetName).toBe('b');
    expect(p.y[0]).toBe(25); // b at row 0 + 4 - 1 + 2 = 5
    expect(p.description).toContain("→ 'b' 2 steps ahead");
  });

  it('warns that a random split of overlapping windows flatters validation', () => {
    const p = unwrap(
      prepareDataset(series(range(50)), win({ length: 5 }, { splitMode: 'random' })),
    );
    expect(p.splitMode).toBe('random');
    expect(p.warnings[0]).toMatch(/^A random split of overlapping windows/);
    expect([...p.sourceRows].sort((a, b) => a - b)).toEqual(range(45));
  });

  it('explains windowing it cannot do, with the numbers', () => {
    expect(
      reason(prepareDataset(series(range(10)), win({ length: 12 }, { validationSplit: 0 }))),
    ).toBe(
      'A window of 12 steps plus a horizon of 1 step needs at least 13 rows, but the series has 10; shorten the window or the horizon.',
    );
    expect(reason(prepareDataset(series(range(100)), win({ length: 24 })))).toBe(
      'A window of 24 steps plus a horizon of 1 step needs at least 25 rows, but the validation part (the last 20 % of rows, 20) has 20; shorten the window or the horizon, or raise the validation split.',
    );
    expect(reason(prepareDataset(series(range(100)), win({ targetColumn: 'births' })))).toBe(
      "The target column 'births' is not in the data; the columns are 't', 'value'.",
    );
    expect(
      reason(prepareDataset(series(range(100)), win({ featureColumns: ['value', 'x'] }))),
    ).toBe("The feature column 'x' is not in the data; the columns are 't', 'value'.");
  });
});
