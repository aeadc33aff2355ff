import Papa from 'papaparse';
import { showValue } from './space';
import type { SweepValue } from './definition';
import { bestRun, summarise, type SweepRecord } from './results';

const num = (x: number | null) => (x === null ? '' : String(x));

/** One row per run (skipped combinations too, with their reason). */
export function sweepCsv(rec: SweepRecord): string {
  const metric = rec.metric ?? 'metric';
  const header = [
    'run',
    ...rec.labels,
    'outcome',
    'best_val_loss',
    'final_val_loss',
    'final_loss',
    `final_${metric}`,
    'epochs',
    'time_s',
    'message',
  ];
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
    'skipped',
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
