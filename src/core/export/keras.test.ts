/**
 * Runs exported code in real Keras. Skipped (with a note) where Python has no Keras, which is
 * the usual case: set LAYERLAB_PYTHON to a Python with keras (and KERAS_BACKEND) to run it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetConfigSchema } from '../../data/config';
import { counterIds, type ModelSpec } from '../model-spec';
import { defaultExperiment, type Experiment } from '../share/experiment';
import { inferShapes } from '../shapes';
import { fromModelJson, toKerasModelJson } from './keras-json';
import { toKerasPython } from './keras-python';
import { imageStack, sequenceStack } from './testing/all-kinds';
import { findKerasBackend, runPython } from './testing/python-env';

const kerasBackend = findKerasBackend();

if (!kerasBackend) {
  console.info(
    'keras.test: skipped, Python has no Keras here (set LAYERLAB_PYTHON to one that has)',
  );
}

const dir = kerasBackend ? mkdtempSync(join(tmpdir(), 'layerlab-keras-')) : '';
const python = (code: string, input = '') =>
  runPython(code, {
    input,
    cwd: dir,
    env: { KERAS_BACKEND: kerasBackend ?? '' },
    timeoutMs: 240_000,
  });

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

const totals = (spec: ModelSpec) =>
  inferShapes(spec).layers.reduce((n, l) => n + l.params.trainable + l.params.nonTrainable, 0);

const BUILD = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("exported", sys.argv[1] if len(sys.argv) > 1 else "script.py")
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
m = mod.build_model()
print(json.dumps({"params": m.count_params(), "shapes": [list(l.output.shape) for l in m.layers], "names": [l.name for l in m.layers]}))
`;

describe.skipIf(!kerasBackend)('exports checked in Keras', () => {
  it.each([
    ['sequence', sequenceStack()],
    ['image', imageStack()],
  ])(
    'the %s stack builds in Keras with the same shapes and parameter counts',
    (_, model) => {
      writeFileSync(join(dir, 'script.py'), toKerasPython({ ...defaultExperiment(), model }));
      const r = python(BUILD);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
      const report = inferShapes(model);
      expect(out.params).toBe(totals(model));
      // Keras 3 does not list the InputLayer among model.layers.
      expect(out.shapes).toEqual(report.layers.slice(1).map((l) => l.output));
      expect(out.names).toEqual(report.layers.slice(1).map((l) => l.name));
    },
    400_000,
  );

  it('runs the whole script: tabular classification, windowed forecasting, images', () => {
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
    const runs: [Experiment, string][] = [
      [{ ...base, training: { ...base.training, epochs: 2 } }, circle],
      [
        {
          ...base,
          model: sequenceStack(),
          data: datasetConfigSchema.parse({
            source: 'csv',
            roles: { step: 'time' },
            prepare: { windowing: { enabled: true, length: 16, horizon: 2 } },
          }),
          training: {
            ...base.training,
            epochs: 2,
            loss: 'huber',
            metrics: ['mae'],
            optimizer: 'rmsprop',
          },
        },
        series,
      ],
      [
        {
          ...base,
          model: imageStack(),
          data: datasetConfigSchema.parse({ source: 'csv', roles: { digit: 'label' } }),
          training: {
            ...base.training,
            epochs: 2,
            loss: 'categorical_crossentropy',
            optimizer: 'momentum',
          },
        },
        images,
      ],
    ];
    for (const [i, [exp, path]] of runs.entries()) {
      writeFileSync(join(dir, `run${i}.py`), toKerasPython(exp, { csvPath: path }));
      const out = python(`import runpy; runpy.run_path("run${i}.py", run_name="__main__")`);
      expect(out.status, out.stderr.slice(-2000)).toBe(0);
      expect(out.stdout).toContain('Epoch 2/2');
    }
  }, 400_000);

  it.each([
    ['sequence', sequenceStack()],
    ['image', imageStack()],
  ])(
    'the %s stack as Keras JSON loads in Keras, and its to_json() imports back',
    (_, model) => {
      const code = `
import json, sys, keras
m = keras.models.model_from_json(sys.stdin.read())
print(json.dumps({"params": m.count_params(), "json": json.loads(m.to_json())}))
`;
      const r = python(code, JSON.stringify(toKerasModelJson(model)));
      expect(r.status, r.stderr.slice(-2000)).toBe(0);
      const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
      expect(out.params).toBe(totals(model));
      const back = fromModelJson(out.json, { makeId: counterIds() });
      expect(back).toEqual({
        ok: true,
        value: { spec: model, unknownLayers: [], unsupported: [] },
      });
    },
    400_000,
  );
});
