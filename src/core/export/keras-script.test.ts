/**
 * The exported Python script runs in real Keras 3 (on JAX): for every template, random stacks
 * and the three ways of reading data (table, windows, images), it builds, compiles, fits one
 * epoch on a CSV laid out as the script reads it and saves the model, with no warning at all.
 * Also: the Keras JSON export loads in Keras, and Keras's own to_json() imports back.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFrom, type LayerEntry } from '../spec-from';
import { counterIds, type ModelSpec } from '../model-spec';
import { inferShapes } from '../shapes';
import { TEMPLATE_IDS } from '../templates';
import { stackArb, stackFrom } from '../testing/random-stacks';
import { fromModelJson, toKerasModelJson } from './keras-json';
import { imageStack, sequenceStack } from './testing/all-kinds';
import { pythonEnv, resultsById } from './testing/python-env';
import {
  dataCases,
  dataFor,
  distributed,
  experiment,
  lossFor,
  runCase,
  templateCase,
  totalParams,
  type KerasRunResult,
  type ScriptCase,
} from './testing/script-cases';

const env = pythonEnv('keras-script.test');
const dir = mkdtempSync(join(tmpdir(), 'layerlab-script-'));

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

const templateCases = TEMPLATE_IDS.map((id, i) => templateCase(dir, id, i));

// Fewer than the layer test: each fit compiles its own training step on JAX.
const randomCases: ScriptCase[] = fc
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
      csvPath: dataFor(dir, `random-${i}.csv`, model, loss, 100 + i),
    };
  });

const runCases = [...templateCases, ...randomCases, ...dataCases(dir)];
const jsonCases = [
  { id: 'json-sequence', title: 'sequence', model: sequenceStack() },
  { id: 'json-image', title: 'image', model: imageStack() },
];

describe.skipIf(!env.ok)('exported scripts run in Keras 3', () => {
  let results = new Map<string, KerasRunResult>();
  beforeAll(() => {
    if (!env.ok) return;
    results = resultsById<KerasRunResult>(
      env,
      'keras_cases.py',
      [
        ...runCases.map((c) => runCase(c)),
        { ...runCase(templateCases[0]!, distributed), id: 'distribute-on-jax' },
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
    expect(r?.params).toBe(totalParams(exp.model));
  });

  it('says that DISTRIBUTE needs TensorFlow when switched on under another backend', () => {
    const r = results.get('distribute-on-jax');
    expect(r?.error).toContain(
      'DISTRIBUTE needs Keras on TensorFlow, not jax: pip install tensorflow, then run with KERAS_BACKEND=tensorflow.',
    );
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
      expect(r?.params).toBe(totalParams(model));
      expect(fromModelJson(r?.json, { makeId: counterIds() })).toEqual({
        ok: true,
        value: { spec: model, unknownLayers: [], unsupported: [] },
      });
    },
  );
});
