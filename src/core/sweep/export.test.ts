import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { templateSpec } from '../templates';
import { defaultTrainingSettings } from '../training/settings';
import { defaultSweepDefinition } from './definition';
import { sweepCsv, sweepCsvHeader, sweepJson } from './export';
import type { ResultOutcome, SweepEpoch, SweepRecord, SweepRunResult } from './results';

const epoch = (n: number, valLoss: number, valMetric: number): SweepEpoch => ({
  epoch: n,
  loss: valLoss + 0.5,
  valLoss,
  metric: valMetric - 0.1,
  valMetric,
});

const run = (
  index: number,
  values: SweepRunResult['values'],
  outcome: ResultOutcome,
  epochs: SweepEpoch[],
  message: string | null = null,
): SweepRunResult => ({
  index,
  values,
  outcome,
  message,
  spec: templateSpec('mlp'),
  settings: { ...defaultTrainingSettings, loss: 'binary_crossentropy' },
  epochs,
  timeMs: epochs.length > 0 ? 1234 * index : 0,
  samplesPerSec: null,
  backend: 'wasm',
});

// Awkward on purpose: a value needing quotes, numbers that do not survive rounding to a few
// digits, a message with a comma, a quote and a line break.
const tricky = 0.1 + 0.2;
const rec: SweepRecord = {
  v: 1,
  id: 'sweep-test',
  createdAt: Date.UTC(2026, 0, 2, 3, 4, 5),
  definition: defaultSweepDefinition(),
  labels: ['learning rate', 'activation'],
  metric: 'accuracy',
  total: 4,
  skipped: [{ values: [0.5, 'selu'], reason: 'units 0, "too small"\nfor Dense' }],
  results: [
    run(1, [tricky, 'relu'], 'finished', [epoch(1, 0.9, 0.6), epoch(2, 1e-7, 0.875)]),
    run(2, [0.001, 'say "hi", ok'], 'skipped', [epoch(1, 0.7, 0.5)], 'Skipped during the sweep.'),
    run(3, [123456.789, 'tanh'], 'diverged', [], 'Loss became NaN, at epoch 1'),
    run(4, [0.01, 'relu'], 'not run', [], 'The sweep was stopped before this run.'),
  ],
};

const parsed = () => {
  const text = sweepCsv(rec);
  const r = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return { text, rows: r.data };
};

describe('the sweep as CSV', () => {
  it('starts with the run, the varied things in order, then the results', () => {
    expect(parsed().rows[0]).toEqual([
      'run',
      'learning rate',
      'activation',
      'outcome',
      'best_val_loss',
      'final_val_loss',
      'final_loss',
      'final_accuracy',
      'epochs',
      'time_s',
      'message',
    ]);
    expect(sweepCsvHeader(['units'], null)).toContain('final_metric');
    expect(sweepCsvHeader(['units'], 'mae')).toContain('final_mae');
  });

  it('writes one row per run and one per invalid combination, each marked', () => {
    const { rows } = parsed();
    expect(rows).toHaveLength(1 + 4 + 1);
    expect(rows.slice(1).map((r) => [r[0], r[3]])).toEqual([
      ['1', 'finished'],
      ['2', 'skipped'],
      ['3', 'diverged'],
      ['4', 'not run'],
      ['', 'invalid'],
    ]);
    expect(rows[4]?.slice(4, 10)).toEqual(['', '', '', '', '0', '0.00']);
    expect(rows[5]?.slice(1, 3)).toEqual(['0.5', 'selu']);
  });

  it('quotes commas, quotes and line breaks, and they read back as written', () => {
    const { text, rows } = parsed();
    expect(text).toContain('"say ""hi"", ok"');
    expect(text).toContain('"units 0, ""too small""\nfor Dense"');
    expect(rows[2]?.[2]).toBe('say "hi", ok');
    expect(rows[3]?.[10]).toBe('Loss became NaN, at epoch 1');
    expect(rows[5]?.[10]).toBe('units 0, "too small"\nfor Dense');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes numbers that read back as the very same numbers', () => {
    const { rows } = parsed();
    const first = rows[1] as string[];
    expect(Number(first[1])).toBe(tricky);
    expect(Number(first[4])).toBe(1e-7); // best val loss
    expect(Number(first[5])).toBe(1e-7); // final val loss
    expect(Number(first[6])).toBe(1e-7 + 0.5);
    expect(Number(first[7])).toBe(0.875); // final accuracy: the validation one
    expect(first[8]).toBe('2');
    expect(first[9]).toBe('1.23');
    expect(Number(rows[3]?.[1])).toBe(123456.789);
  });
});

describe('the sweep as JSON', () => {
  const json = JSON.parse(sweepJson(rec)) as {
    format: string;
    createdAt: string;
    varied: string[];
    metric: string;
    best: number | null;
    runs: { index: number; outcome: string; bestValLoss: number | null; epochs: unknown[] }[];
    skipped: { values: unknown[]; reason: string }[];
    definition: unknown;
  };

  it('holds the definition, what was varied and each run with its curve', () => {
    expect(json.format).toBe('layerlab-sweep');
    expect(json.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(json.definition).toEqual(defaultSweepDefinition());
    expect(json.varied).toEqual(['learning rate', 'activation']);
    expect(json.metric).toBe('accuracy');
    expect(json.runs.map((r) => [r.index, r.outcome, r.epochs.length])).toEqual([
      [1, 'finished', 2],
      [2, 'skipped', 1],
      [3, 'diverged', 0],
      [4, 'not run', 0],
    ]);
    expect(json.runs[0]?.bestValLoss).toBe(1e-7);
    expect(json.skipped).toEqual(rec.skipped);
  });

  it('names the best run, never one skipped by hand', () => {
    expect(json.best).toBe(1);
    const better = {
      ...rec,
      results: rec.results.map((r) =>
        r.index === 2 ? { ...r, epochs: [epoch(1, 1e-9, 0.5)] } : r,
      ),
    };
    expect((JSON.parse(sweepJson(better)) as { best: number }).best).toBe(1);
  });
});
