/**
 * Models built and trained in Keras 3 import with their weights: Keras saves each model
 * (to_json() wrapped with a weights manifest and weights.bin, as tensorflowjs_converter writes
 * them; keras_import_cases.py does it with numpy, the converter not being installable offline),
 * Layerlab reads the files through its own import path, builds the model as the app does, loads
 * the weights as a training run does, and predicts what Keras predicted, within 1e-5.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv, runPythonCases } from '../core/export/testing/python-env';
import { readModelFiles, type FileLike } from '../features/share/import-model';
import { buildModel, disposeModel } from './build-model';
import { applyInitialWeights } from './initial-weights';
import { maxDiff } from './testing/export-models';

const env = pythonEnv('keras-import.test');

/** The models keras_import_cases.py builds, by id, and what each covers. */
const CASES: [id: string, title: string][] = [
  ['dense', 'Dense and Dropout'],
  ['lstm', 'stacked LSTM'],
  ['gru', 'GRU (reset_after=False)'],
  ['simple_rnn', 'stacked SimpleRNN'],
  ['conv1d', 'Conv1D and MaxPooling1D'],
  ['conv2d', 'Conv2D, MaxPooling2D and Flatten'],
  ['batch_norm_prelu', 'BatchNormalization and PReLU'],
];

interface Saved {
  id: string;
  error: string | null;
  modelJson: string;
  kerasJson: string;
  weightsBin: string;
  weightNames: string[];
  inputShape: number[];
  inputs: number[];
  outputs: number[];
}

/** A file on disk as the import dialog's File. */
function fileLike(path: string): FileLike {
  return {
    name: basename(path),
    size: statSync(path).size,
    text: () => Promise.resolve(readFileSync(path, 'utf8')),
    arrayBuffer: () => {
      const b = readFileSync(path);
      return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    },
  };
}

const withoutIds = (layers: readonly { id: string }[]) => layers.map(({ id: _id, ...l }) => l);

describe.skipIf(!env.ok)('models trained in Keras 3 import with their weights', () => {
  const saved = new Map<string, Saved>();
  let stderr = '';
  const largest: Record<string, number> = {};

  beforeAll(async () => {
    if (!env.ok) return;
    tf.env().set('PROD', true);
    expect(await tf.setBackend('cpu')).toBe(true);
    const run = runPythonCases<Saved[]>(
      env,
      'keras_import_cases.py',
      CASES.map(([id]) => ({ id })),
    );
    stderr = run.stderr.slice(-3000);
    for (const r of run.result ?? []) saved.set(r.id, r);
  }, 600_000);

  it.each(CASES.map(([id, title]) => ({ id, title })))(
    '$title: imports with no layer or argument dropped and predicts what Keras predicts',
    async ({ id }) => {
      const s = saved.get(id);
      expect(s, stderr).toBeDefined();
      expect(s?.error ?? null, s?.error ?? '').toBeNull();
      if (!s) return;
      const imported = await readModelFiles([fileLike(s.modelJson), fileLike(s.weightsBin)]);
      if (!imported.ok) throw new Error(imported.reason);
      expect(imported.unknownLayers).toEqual([]);
      expect(imported.notes).toEqual([]);
      expect(imported.weights?.specs.map((w) => w.name)).toEqual(s.weightNames);
      const weights = imported.weights;
      if (!weights) throw new Error('the weights were not imported');

      const before = tf.memory().numTensors;
      const model = buildModel(imported.spec, { seed: 1 });
      try {
        expect(applyInitialWeights(model, weights)).toBeNull();
        const ours = tf.tidy(() => {
          const x = tf.tensor(s.inputs, s.inputShape);
          return Array.from((model.predict(x) as tf.Tensor).dataSync());
        });
        expect(ours.length).toBe(s.outputs.length);
        largest[id] = maxDiff(ours, s.outputs);
        expect(largest[id]).toBeLessThanOrEqual(1e-5);
      } finally {
        disposeModel(model);
      }
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it.each(CASES.map(([id, title]) => ({ id, title })))(
    "$title: Keras' own to_json() file imports as the same model, without weights",
    async ({ id }) => {
      const s = saved.get(id);
      expect(s?.error ?? null, s?.error ?? stderr).toBeNull();
      if (!s) return;
      const wrapped = await readModelFiles([fileLike(s.modelJson)]);
      const bare = await readModelFiles([fileLike(s.kerasJson)]);
      if (!wrapped.ok) throw new Error(wrapped.reason);
      if (!bare.ok) throw new Error(bare.reason);
      expect(bare.weights).toBeNull();
      expect(bare.notes).toEqual([]);
      expect(withoutIds(bare.spec.layers)).toEqual(withoutIds(wrapped.spec.layers));
    },
  );

  it('reports the largest difference', () => {
    if (Object.keys(largest).length > 0) console.info('keras-import largest |Δ|:', largest);
    expect(Object.keys(largest).length).toBe(CASES.length);
  });
});
