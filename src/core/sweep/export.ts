import Papa from 'papaparse';
import { showValue } from './space';
import type { SweepValue } from './definition';
import { bestRun, summarise, type SweepRecord } from './results';

const num = (x: number | null) => (x === null ? '' : String(x));

/**
 * The results table's columns, in order: the exported Python loop writes the same ones, so a
 * sweep run elsewhere at full size lines up with the one run here.
 */
export function sweepCsvHeader(
  labels: readonly string[],
  metric: 'accuracy' | 'mae' | null,
): string[] {
  return [
    'run',
    ...labels,
    'outcome',
    'best_val_loss',
    'final_val_loss',
    'final_loss',
    `final_${metric ?? 'metric'}`,
    'epochs',
    'time_s',
    'message',
  ];
}

/**
 * One row per run, then one per combination that could not be built (outcome 'invalid', its
 * reason as the message). Papa quotes what needs it (commas, quotes, line breaks); numbers are
 * written in full so they read back as the same numbers.
 */
export function sweepCsv(rec: SweepRecord): string {
  const header = sweepCsvHeader(rec.labels, rec.metric);
  const rows = rec.results.map((r) => {
    const s = summarise(r);
    return [
      String(r.index),
      ...r.values.map((v) => cell(v)),
      r.outcome,
      num(s.bestValLoss),
      num(s.finalValLoss),
      num(s.finalLoss),
      num(s.finalMetric),
      String(s.epochs),
      (s.timeMs / 1000).toFixed(2),
      r.message ?? '',
    ];
  });
  const skipped = rec.skipped.map((k) => [
    '',
    ...k.values.map((v) => cell(v)),
    'invalid',
    '',
    '',
    '',
    '',
    '0',
    '0',
    k.reason,
  ]);
  return Papa.unparse([header, ...rows, ...skipped], { newline: '\r\n' }) + '\r\n';
}

const cell = (v: SweepValue) => (typeof v === 'number' ? String(v) : showValue(v));

/** The definition, what was skipped and each run's summary and curves: everything but the models. */
export function sweepJson(rec: SweepRecord): string {
  const summaries = rec.results.map(summarise);
  return JSON.stringify(
    {
      format: 'layerlab-sweep',
      v: rec.v,
      createdAt: new Date(rec.createdAt).toISOString(),
      definition: rec.definition,
      varied: rec.labels,
      metric: rec.metric,
      best: bestRun(summaries),
      runs: rec.results.map((r, i) => ({
        ...summaries[i],
        message: r.message,
        settings: r.settings,
        epochs: r.epochs,
      })),
      skipped: rec.skipped,
    },
    null,
    2,
  );
}
