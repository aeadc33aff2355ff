/**
 * The sweep's Python: the plain loop runs in real Keras 3 (JAX) over the runs the sweep planned,
 * with early stopping, and reports each under the sweep's own result columns. Keras Tuner
 * (keras-tuner, and kt-legacy) is in none of the package indexes pip is configured with here
 * (checked December 2026), so the Keras Tuner script is checked as Python (it parses) and for
 * the calls it must make, not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../share/experiment';
import { defaultSweepDefinition, type SweepDefinition } from '../sweep/definition';
import { planSweep } from '../sweep/expand';
import { sweepCsvHeader } from '../sweep/export';
import type { RunSettings } from '../training/settings';
import { scriptData } from './keras-python-data';
import { hpCall, toSweepPython } from './keras-tuner';
import { hasPython, pythonEnv, runPython } from './testing/python-env';

const exp = defaultExperiment();
exp.training = { ...exp.training, epochs: 3, batchSize: 16, loss: 'binary_crossentropy' };
const dense = exp.model.layers[1]!;

const definition: SweepDefinition = {
  ...defaultSweepDefinition(),
  params: [
    {
      target: { kind: 'setting', name: 'learningRate' },
      space: { type: 'Float', min_value: 0.01, max_value: 0.1, step: 10, sampling: 'log' },
    },
    {
      target: { kind: 'layer', layerId: dense.id, arg: 'units' },
      space: { type: 'Choice', values: [2, 6] },
    },
  ],
  earlyStopping: { monitor: 'val_loss', patience: 1, min_delta: 0 },
};
const settings: RunSettings = {
  ...exp.training,
  loss: 'binary_crossentropy',
  fusedRecurrent: true,
};
const planned = planSweep(definition, {
  spec: exp.model,
  settings,
  data: { xShape: [100, 2], yShape: [100, 1], numClasses: 2, trainCount: 80 },
});
if (!planned.ok) throw new Error(planned.reason);
const plan = planned.value;

describe('hpCall', () => {
  it("writes Keras Tuner's names and arguments", () => {
    expect(hpCall('lr', definition.params[0]!.space)).toBe(
      'hp.Float("lr", min_value=0.01, max_value=0.1, step=10.0, sampling="log")',
    );
    expect(hpCall('units', { type: 'Choice', values: [2, 6] })).toBe('hp.Choice("units", [2, 6])');
    expect(
      hpCall('f', { type: 'Int', min_value: 4, max_value: 64, step: null, sampling: 'log' }),
    ).toBe('hp.Int("f", min_value=4, max_value=64, step=2, sampling="log")');
  });
});

describe('the data lines', () => {
  it("are the Keras and PyTorch exports' own: the CSV path, the settings, the 'auto' loss", () => {
    const auto = { ...exp, training: { ...exp.training, loss: 'auto' as const } };
    const opts = { csvPath: 'points.csv', loss: 'mse' as const };
    const shared = scriptData(auto, opts);
    for (const kind of ['keras-tuner', 'loop'] as const) {
      const script = toSweepPython(kind, { exp: auto, definition, plan, ...opts });
      const lines = script.split('\n');
      for (const line of [...shared.notes.map((l) => `# ${l}`), ...shared.settings])
        expect(lines).toContain(line);
      expect(lines).toContain('CSV_PATH = "points.csv"');
      expect(lines).toContain("# Loss: 'auto' in Layerlab (picked from the data); here mse.");
      expect(script).toContain('loss=keras.losses.MeanSquaredError()');
    }
  });
});

describe.skipIf(!hasPython)('the Keras Tuner script', () => {
  it('is Python that builds a GridSearch over the varied things', () => {
    const script = toSweepPython('keras-tuner', { exp, definition, plan });
    expect(
      runPython('import ast, sys; ast.parse(sys.stdin.read())', { input: script }).status,
    ).toBe(0);
    expect(script).toContain('import keras_tuner as kt');
    expect(script).toContain('kt.GridSearch(SweepModel(), objective="val_loss"');
    expect(script).toContain('"learning rate": hp.Float("learning rate", min_value=0.01');
    expect(script).toContain('layers.Dense(units=p["dense.units"]');
    expect(script).toContain('keras.callbacks.EarlyStopping(monitor="val_loss", patience=1');
    const random = toSweepPython('keras-tuner', {
      exp,
      definition: { ...definition, strategy: 'random', count: 5, seed: 9 },
      plan,
    });
    expect(random).toContain(
      'kt.RandomSearch(SweepModel(), objective="val_loss", max_trials=5, seed=9',
    );
  });
});

const env = pythonEnv('keras-tuner.test');

describe.skipIf(!env.ok)('the plain-loop script in Keras', () => {
  it('trains every planned run with its values and reports the best', () => {
    if (!env.ok) return;
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-sweep-'));
    const rows = Array.from({ length: 100 }, (_, i) => {
      const a = Math.sin(i * 12.9898) * 0.9;
      const b = Math.cos(i * 78.233) * 0.9;
      return `${a.toFixed(4)},${b.toFixed(4)},${Number(a * a + b * b < 0.5)}`;
    });
    writeFileSync(join(dir, 'data.csv'), ['x1,x2,label', ...rows].join('\n'));
    const script = toSweepPython('loop', { exp, definition, plan, csvPath: 'data.csv' });
    writeFileSync(join(dir, 'sweep.py'), script);
    const r = spawnSync(env.python, ['sweep.py'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, KERAS_BACKEND: env.backend, JAX_COMPILATION_CACHE_DIR: env.jaxCache },
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('{'));
    const runs = lines.map((l) => JSON.parse(l) as Record<string, number | string | null>);
    expect(runs.map((x) => [x['learning rate'], x['dense.units']])).toEqual(
      plan.runs.map((x) => x.values),
    );
    // The same columns, in the same order, as the sweep's own results export.
    const columns = sweepCsvHeader(plan.labels, 'accuracy');
    for (const [i, run] of runs.entries()) {
      expect(Object.keys(run)).toEqual(columns);
      expect(run['run']).toBe(i + 1);
      expect(run['outcome']).toBe('finished');
      expect(Number.isFinite(run['best_val_loss'])).toBe(true);
      expect(run['final_val_loss']).toBeGreaterThanOrEqual(run['best_val_loss'] as number);
      expect(run['final_accuracy']).toBeGreaterThanOrEqual(0);
      expect(run['final_accuracy']).toBeLessThanOrEqual(1);
      expect(run['epochs']).toBeGreaterThanOrEqual(1);
      expect(run['epochs']).toBeLessThanOrEqual(3);
    }
    const csv = Papa.parse<Record<string, string>>(
      readFileSync(join(dir, 'sweep_results.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    );
    expect(csv.meta.fields).toEqual(columns);
    expect(csv.data.map((row) => Number(row['best_val_loss']))).toEqual(
      runs.map((x) => x['best_val_loss']),
    );
    // The best is picked as the sweep picks it: the lowest validation loss.
    const best = JSON.parse(/best: (\{.*\})/.exec(r.stdout)?.[1] ?? 'null') as {
      run: number;
    } | null;
    const lowest = Math.min(...runs.map((x) => x['best_val_loss'] as number));
    expect(runs.find((x) => x['run'] === best?.run)?.['best_val_loss']).toBe(lowest);
  }, 300_000);
});
