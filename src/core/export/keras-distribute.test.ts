/**
 * The exported script's tf.distribute section runs: with DISTRIBUTE switched on, Keras 3 on
 * TensorFlow (the one backend that has tf.distribute) builds and compiles the model in a
 * MirroredStrategy's scope, over this machine's one CPU device, fits one epoch on the exported
 * data and saves it, with no warning from Python or from TensorFlow's log. A few models, as
 * each fit traces its own TensorFlow graph (seconds each): the MLP, LSTM and Conv1D templates,
 * and every sequence layer on windows (GRU, SimpleRNN, dropouts, and BatchNormalization, whose
 * moving statistics a strategy keeps apart from the trained weights).
 * keras-script.test runs every template and random stacks without a strategy (on JAX).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonEnv, resultsById } from './testing/python-env';
import {
  dataCases,
  distributed,
  runCase,
  templateCase,
  totalParams,
  type KerasRunResult,
} from './testing/script-cases';

const env = pythonEnv('keras-distribute.test', 'tensorflow');
const dir = mkdtempSync(join(tmpdir(), 'layerlab-distribute-'));

const cases = [
  templateCase(dir, 'mlp', 0),
  templateCase(dir, 'lstm-forecaster', 1),
  templateCase(dir, 'conv1d-classifier', 2),
  ...dataCases(dir).filter((c) => c.id === 'data-windows'),
];

describe.skipIf(!env.ok)('the exported script with DISTRIBUTE on, in Keras 3 on TensorFlow', () => {
  let results = new Map<string, KerasRunResult>();
  beforeAll(() => {
    if (!env.ok) return;
    results = resultsById<KerasRunResult>(
      env,
      'keras_cases.py',
      cases.map((c) => runCase(c, distributed)),
      { dir, timeoutMs: 600_000 },
    );
  }, 600_000);

  it('runs on TensorFlow', () => {
    expect(env.ok && env.backend).toBe('tensorflow');
  });

  it.each(cases)('$title: builds and compiles in the strategy, fits one epoch, saves', (c) => {
    const r = results.get(c.id);
    expect(r?.error ?? null, r?.error ?? '').toBeNull();
    expect(r?.warnings).toEqual([]);
    // The script's first words, printed before the model is built: it is built in the strategy.
    expect(r?.firstLine).toBe('Training on 1 device(s) with MirroredStrategy.');
    expect(r?.stdout).toMatch(/ - loss: \d/);
    expect(r?.params).toBe(totalParams(c.exp.model));
  });
});
