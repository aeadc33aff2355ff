/**
 * The exported Python script runs in real Keras 3 (on JAX): for every template, random stacks
 * and the three ways of reading data (table, windows, images), it builds, compiles, fits one
 * epoch on a CSV laid out as the script reads it and saves the model, with no warning at all.
 * Also: the Keras JSON export loads in Keras, and Keras's own to_json() imports back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetConfigSchema } from '../../data/config';
import { specFrom, type LayerEntry } from '../spec-from';
import { counterIds, type ModelSpec } from '../model-spec';
import { defaultExperiment, type Experiment } from '../share/experiment';
import { inferShapes } from '../shapes';
import { TEMPLATE_IDS, templateSpec } from '../templates';
import { stackArb, stackFrom } from '../testing/random-stacks';
import type { LossId } from '../training/settings';
import { fromModelJson, toKerasModelJson } from './keras-json';
import { toKerasPython } from './keras-python';
import { imageStack, sequenceStack } from './testing/all-kinds';
import { pythonEnv, runPythonCases } from './testing/python-env';

const env = pythonEnv('keras-script.test');
const dir = mkdtempSync(join(tmpdir(), 'layerlab-script-'));

/** Deterministic pseudo-random numbers in [0, 1), so the CSVs are the same on every run. */
function rand(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function csv(name: string, header: string[], rows: number[][]): string {
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
function dataFor(name: string, spec: ModelSpec, loss: LossId, seed: number): string {
  const r = rand(seed);
  const classes = inferShapes(spec).output?.at(-1) ?? 1;
  const features = flatSize(spec);
  const label = (i: number) =>
    loss === 'mse' ? r() : loss === 'binary_crossentropy' ? i % 2 : i % classes;
  const rows = Array.from({ length: 48 }, (_, i) => [
    ...Array.from({ length: features }, () => Number(r().toFixed(4))),
    label(i),
  ]);
  return csv(name, [...Array.from({ length: features }, (_, i) => `x${i}`), 'y'], rows);
}

/** The loss that fits the model's output: one unit regresses or classifies in two; more pick one. */
function lossFor(spec: ModelSpec, pick: number): LossId {
  const last = spec.layers.at(-1);
  const units = inferShapes(spec).output?.at(-1) ?? 1;
  if (units > 1) return pick % 2 ? 'sparse_categorical_crossentropy' : 'categorical_crossentropy';
  const sigmoid = last?.kind === 'Dense' && last.params.activation === 'sigmoid';
  return sigmoid ? 'binary_crossentropy' : 'mse';
}

function experiment(model: ModelSpec, loss: LossId, patch: Partial<Experiment> = {}): Experiment {
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

const HEADS: LayerEntry[] = [
  ['Dense', { units: 1 }],
  ['Dense', { units: 1, activation: 'sigmoid' }],
  ['Dense', { units: 3, activation: 'softmax' }],
];

/** A random stack with a head that gives one row of outputs per example. */
function withHead(spec: ModelSpec, pick: number): ModelSpec {
  const flatten = (inferShapes(spec).output?.length ?? 2) > 2;
  const head: LayerEntry[] = [...(flatten ? [['Flatten'] as LayerEntry] : []), HEADS[pick % 3]!];
  const extra = specFrom([['Input', { shape: [1] }], ...head], counterIds('head')).layers;
  return { layers: [...spec.layers, ...extra.slice(1)] };
}

interface Case {
  id: string;
  title: string;
  exp: Experiment;
  csvPath: string;
}

const templateCases: Case[] = TEMPLATE_IDS.map((id, i) => {
  const model = templateSpec(id, counterIds());
  const loss = lossFor(model, i);
  return {
    id: `template-${id}`,
    title: `template ${id}`,
    exp: experiment(model, loss),
    csvPath: dataFor(`${id}.csv`, model, loss, i + 1),
  };
});

// Fewer than the layer test: each fit compiles its own training step on JAX.
const randomCases: Case[] = fc
  .sample(stackArb, { numRuns: 12, seed: 170 })
  .map(({ input, steps }) => stackFrom(input, steps))
  .filter((spec) => inferShapes(spec).ok)
  .slice(0, 4)
  .map((spec, i) => {
    const model = withHead(spec, i);
    const loss = lossFor(model, i);
    return {
      id: `random-${i}`,
      title: `random stack ${i}: ${model.layers.map((l) => l.kind).join(' → ')}`,
      exp: experiment(model, loss),
      csvPath: dataFor(`random-${i}.csv`, model, loss, 100 + i),
    };
  });

/** The three ways the script reads data: a table, sliding windows of a series, images. */
function dataCases(): Case[] {
  const r = rand(1);
  const points = Array.from({ length: 200 }, () => [r() * 2 - 1, r() * 2 - 1]);
  const circle = csv(
    'circle.csv',
    ['x1', 'x2', 'label'],
    points.map(([a = 0, b = 0]) => [a, b, Number(a * a + b * b < 0.5)]),
  );
  const series = csv(
    'series.csv',
    ['step', 'value'],
    Array.from({ length: 120 }, (_, t) => [t, Math.sin(t / 4)]),
  );
  const pixels = Array.from({ length: 60 }, (_, i) => [...Array.from({ length: 64 }, r), i % 3]);
  const images = csv(
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

const runCases = [...templateCases, ...randomCases, ...dataCases()];
const jsonCases = [
  { id: 'json-sequence', title: 'sequence', model: sequenceStack() },
  { id: 'json-image', title: 'image', model: imageStack() },
];

interface RunResult {
  id: string;
  error: string | null;
  warnings: string[];
  stdout?: string;
  params?: number;
  json?: unknown;
}

const totals = (spec: ModelSpec) =>
  inferShapes(spec).layers.reduce((n, l) => n + l.params.trainable + l.params.nonTrainable, 0);

describe.skipIf(!env.ok)('exported scripts run in Keras 3', () => {
  const results = new Map<string, RunResult>();
  beforeAll(() => {
    if (!env.ok) return;
    const run = runPythonCases<RunResult[]>(
      env,
      'keras_cases.py',
      [
        ...runCases.map((c) => ({
          id: c.id,
          kind: 'run',
          script: toKerasPython(c.exp, { csvPath: c.csvPath }),
        })),
        ...jsonCases.map((c) => ({
          id: c.id,
          kind: 'json',
          json: JSON.stringify(toKerasModelJson(c.model)),
        })),
      ],
      // A first run compiles every training step (minutes on a busy machine); later runs read
      // the compiled kernels from .cache/jax and take seconds.
      { dir, timeoutMs: 900_000 },
    );
    expect(run.result, run.stderr.slice(-3000)).not.toBeNull();
    for (const r of run.result ?? []) results.set(r.id, r);
  }, 900_000);

  it('covers every template and enough random stacks', () => {
    expect(templateCases.map((c) => c.id)).toEqual(TEMPLATE_IDS.map((id) => `template-${id}`));
    expect(randomCases.length).toBe(4);
  });

  it.each(runCases)('$title: builds, compiles, fits one epoch and saves', ({ id, exp }) => {
    const r = results.get(id);
    expect(r?.error ?? null, r?.error ?? '').toBeNull();
    expect(r?.warnings).toEqual([]);
    // Keras prints "Epoch 1/1" only for several epochs; the progress bar ends with the loss.
    expect(r?.stdout).toMatch(/ - loss: \d/);
    // The model.keras it saved after fitting loads back with the core's parameter count.
    expect(r?.params).toBe(totals(exp.model));
  });

  it.each(jsonCases)(
    'the $title stack as Keras JSON loads in Keras, and its to_json() imports back',
    ({ id, model }) => {
      const r = results.get(id);
      expect(r?.error ?? null, r?.error ?? '').toBeNull();
      // The JSON writes LeakyReLU's slope as `alpha`, the one name tfjs reads; Keras 3 reads it
      // (as negative_slope, value kept: see the import below) and says the name is old.
      const leaky = model.layers.some((l) => l.kind === 'LeakyReLU');
      expect(r?.warnings).toEqual(
        leaky ? ['UserWarning: Argument `alpha` is deprecated. Use `negative_slope` instead.'] : [],
      );
      expect(r?.params).toBe(totals(model));
      expect(fromModelJson(r?.json, { makeId: counterIds() })).toEqual({
        ok: true,
        value: { spec: model, unknownLayers: [], unsupported: [] },
      });
    },
  );
});
