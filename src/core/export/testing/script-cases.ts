/**
 * Test support for running exported Keras scripts: experiments that fit one epoch, and CSV files
 * laid out as the scripts read them, the same on every run. Test-only (Node).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetConfigSchema } from '../../../data/config';
import { counterIds, type ModelSpec } from '../../model-spec';
import { defaultExperiment, type Experiment } from '../../share/experiment';
import { inferShapes } from '../../shapes';
import { templateSpec, type TemplateId } from '../../templates';
import type { LossId } from '../../training/settings';
import { toKerasPython } from '../keras-python';
import { imageStack, sequenceStack } from './all-kinds';

export interface ScriptCase {
  id: string;
  title: string;
  exp: Experiment;
  csvPath: string;
}

/** What keras_cases.py answers for a case (kinds 'run' and 'json'). */
export interface KerasRunResult {
  id: string;
  /** The traceback of a case that raised. */
  error: string | null;
  /** Python's warnings and TensorFlow's logged ones (numpy-in-Keras deprecations left out). */
  warnings: string[];
  /** The first line a run printed, and the end of all it printed. */
  firstLine?: string;
  stdout?: string;
  /** The parameter count of the model.keras a run saved, or of the model a JSON built. */
  params?: number;
  json?: unknown;
}

/** Deterministic pseudo-random numbers in [0, 1), so the CSVs are the same on every run. */
function rand(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function csv(dir: string, name: string, header: string[], rows: number[][]): string {
  const path = join(dir, name);
  writeFileSync(path, [header.join(','), ...rows.map((r) => r.join(','))].join('\n'));
  return path;
}

const flatSize = (spec: ModelSpec) => {
  const first = spec.layers[0];
  return first?.kind === 'Input' ? first.params.shape.reduce((a, b) => a * b, 1) : 0;
};

/**
 * A CSV for a model of this input and output, in the layout the script reads by default: one
 * column per input value (reshaped to the Input shape by the script), the label last.
 */
export function dataFor(
  dir: string,
  name: string,
  spec: ModelSpec,
  loss: LossId,
  seed: number,
): string {
  const r = rand(seed);
  const classes = inferShapes(spec).output?.at(-1) ?? 1;
  const features = flatSize(spec);
  const label = (i: number) =>
    loss === 'mse' ? r() : loss === 'binary_crossentropy' ? i % 2 : i % classes;
  const rows = Array.from({ length: 48 }, (_, i) => [
    ...Array.from({ length: features }, () => Number(r().toFixed(4))),
    label(i),
  ]);
  return csv(dir, name, [...Array.from({ length: features }, (_, i) => `x${i}`), 'y'], rows);
}

/** The loss that fits the model's output: one unit regresses or classifies in two; more pick one. */
export function lossFor(spec: ModelSpec, pick: number): LossId {
  const last = spec.layers.at(-1);
  const units = inferShapes(spec).output?.at(-1) ?? 1;
  if (units > 1) return pick % 2 ? 'sparse_categorical_crossentropy' : 'categorical_crossentropy';
  const sigmoid = last?.kind === 'Dense' && last.params.activation === 'sigmoid';
  return sigmoid ? 'binary_crossentropy' : 'mse';
}

/** The model trained one epoch in batches of 16 with this loss (and a metric that fits it). */
export function experiment(
  model: ModelSpec,
  loss: LossId,
  patch: Partial<Experiment> = {},
): Experiment {
  const base = defaultExperiment();
  const classify = loss !== 'mse' && loss !== 'mae' && loss !== 'huber';
  return {
    ...base,
    model,
    training: {
      ...base.training,
      epochs: 1,
      batchSize: 16,
      loss,
      metrics: classify ? ['accuracy'] : ['mae'],
    },
    ...patch,
  };
}

/** A template's model on a CSV made for it; `index` varies the loss and the data. */
export function templateCase(dir: string, id: TemplateId, index: number): ScriptCase {
  const model = templateSpec(id, counterIds());
  const loss = lossFor(model, index);
  return {
    id: `template-${id}`,
    title: `template ${id}`,
    exp: experiment(model, loss),
    csvPath: dataFor(dir, `${id}.csv`, model, loss, index + 1),
  };
}

/** The three ways the script reads data: a table, sliding windows of a series, images. */
export function dataCases(dir: string): ScriptCase[] {
  const r = rand(1);
  const points = Array.from({ length: 200 }, () => [r() * 2 - 1, r() * 2 - 1]);
  const circle = csv(
    dir,
    'circle.csv',
    ['x1', 'x2', 'label'],
    points.map(([a = 0, b = 0]) => [a, b, Number(a * a + b * b < 0.5)]),
  );
  const series = csv(
    dir,
    'series.csv',
    ['step', 'value'],
    Array.from({ length: 120 }, (_, t) => [t, Math.sin(t / 4)]),
  );
  const pixels = Array.from({ length: 60 }, (_, i) => [...Array.from({ length: 64 }, r), i % 3]);
  const images = csv(
    dir,
    'images.csv',
    [...Array.from({ length: 64 }, (_, i) => `p${i}`), 'digit'],
    pixels,
  );
  const base = defaultExperiment();
  const windowed = experiment(sequenceStack(), 'huber', {
    data: datasetConfigSchema.parse({
      source: 'csv',
      roles: { step: 'time' },
      prepare: { windowing: { enabled: true, length: 16, horizon: 2 } },
    }),
  });
  const image = experiment(imageStack(), 'categorical_crossentropy', {
    data: datasetConfigSchema.parse({ source: 'csv', roles: { digit: 'label' } }),
  });
  return [
    {
      id: 'data-table',
      title: 'the default experiment on a table',
      exp: { ...base, training: { ...base.training, epochs: 1 } },
      csvPath: circle,
    },
    {
      id: 'data-windows',
      title: 'every sequence layer on windows of a series (RMSprop, huber)',
      exp: { ...windowed, training: { ...windowed.training, optimizer: 'rmsprop' } },
      csvPath: series,
    },
    {
      id: 'data-images',
      title: 'Conv2D on flat pixel columns reshaped to images (momentum)',
      exp: { ...image, training: { ...image.training, optimizer: 'momentum' } },
      csvPath: images,
    },
  ];
}

/** The script with its DISTRIBUTE setting switched on, as a user edits it. */
export function distributed(script: string): string {
  const off = '\nDISTRIBUTE = False\n';
  if (!script.includes(off)) throw new Error('The script has no `DISTRIBUTE = False` line');
  return script.replace(off, '\nDISTRIBUTE = True\n');
}

/** keras_cases.py's 'run' case for it: the exported script, as written or as `edit` leaves it. */
export function runCase(c: ScriptCase, edit: (script: string) => string = (s) => s) {
  return { id: c.id, kind: 'run', script: edit(toKerasPython(c.exp, { csvPath: c.csvPath })) };
}

/** Every parameter of the model, trainable or not, as the layer core counts them. */
export const totalParams = (spec: ModelSpec) =>
  inferShapes(spec).layers.reduce((n, l) => n + l.params.trainable + l.params.nonTrainable, 0);
