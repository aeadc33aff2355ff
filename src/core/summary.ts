import { looseDef } from './layers/catalog';
import type { ModelSpec } from './model-spec';
import { formatShape, inferShapes } from './shapes';

export interface SummaryRow {
  id: string;
  name: string;
  /** Keras class name, e.g. 'Dense'. */
  type: string;
  /** "(None, 32, 1)", or '?' where an earlier error hides it. */
  outputShape: string;
  params: number;
}

export interface ModelSummary {
  rows: SummaryRow[];
  total: number;
  trainable: number;
  nonTrainable: number;
}

/**
 * The rows of Keras's model.summary(). Like Keras for a Sequential model, the Input layer gets
 * no row unless asked for.
 */
export function summarize(spec: ModelSpec, opts: { includeInput?: boolean } = {}): ModelSummary {
  const report = inferShapes(spec);
  const shown = report.layers.filter((l) => opts.includeInput === true || l.kind !== 'Input');
  const rows = shown.map((l) => ({
    id: l.id,
    name: l.name,
    type: looseDef(l.kind).kerasClass,
    outputShape: l.output ? formatShape(l.output) : '?',
    params: l.params.trainable + l.params.nonTrainable,
  }));
  const trainable = report.layers.reduce((n, l) => n + l.params.trainable, 0);
  const nonTrainable = report.layers.reduce((n, l) => n + l.params.nonTrainable, 0);
  return { rows, total: trainable + nonTrainable, trainable, nonTrainable };
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** The summary as Keras 2 prints it, for exports and copy-paste. */
export function formatSummary(summary: ModelSummary, modelName = 'sequential'): string {
  const cols = [29, 26, 10];
  const pad = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(cols[i] ?? 0))
      .join('')
      .trimEnd();
  const line = (ch: string) => ch.repeat(cols.reduce((a, b) => a + b, 0));
  const body = summary.rows.map((r) =>
    pad([` ${r.name} (${r.type})`, r.outputShape, thousands(r.params)]),
  );
  return [
    `Model: "${modelName}"`,
    line('_'),
    pad([' Layer (type)', 'Output Shape', 'Param #']),
    line('='),
    body.join('\n\n'),
    line('='),
    `Total params: ${thousands(summary.total)}`,
    `Trainable params: ${thousands(summary.trainable)}`,
    `Non-trainable params: ${thousands(summary.nonTrainable)}`,
    line('_'),
  ].join('\n');
}
