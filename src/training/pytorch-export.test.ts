/**
 * The PyTorch script export computes what tfjs computes: for every model of the table, torch
 * runs the exported module with the weights a download holds (model.json + weights.bin, read
 * by the script itself) and predicts tfjs' outputs within 1e-5; and the script's training
 * loop runs an epoch on a CSV laid out as the script reads it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toPytorchScript } from '../core/export/pytorch-script';
import { pythonEnv, runPythonCases } from '../core/export/testing/python-env';
import type { ModelSpec } from '../core/model-spec';
import { defaultExperiment, type Experiment } from '../core/share/experiment';
import { inferShapes } from '../core/shapes';
import { specFrom } from '../core/spec-from';
import type { LossId, OptimizerId } from '../core/training/settings';
import {
  EXPORT_MODELS,
  maxDiff,
  savedModel,
  seeded,
  type SavedModel,
} from './testing/export-models';

const env = pythonEnv('pytorch-export.test');

interface TorchResult {
  id: string;
  error: string | null;
  outputs?: number[];
  outputShape?: number[];
  stdout?: string;
  params?: number;
}

const script = (exp: Experiment, opts: Parameters<typeof toPytorchScript>[1] = {}) => {
  const r = toPytorchScript(exp, opts);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

function experiment(model: ModelSpec, loss: LossId, optimizer: OptimizerId): Experiment {
  const base = defaultExperiment();
  return {
    ...base,
    model,
    training: { ...base.training, epochs: 1, batchSize: 8, loss, optimizer, clipNorm: 1 },
  };
}

/** Training cases: softmax classes with Adam; the step-by-step GRU and BatchNormalization with RMSprop. */
const TRAIN = [
  {
    id: 'train-classes',
    title: 'Dense with every activation, categorical cross-entropy, Adam',
    exp: experiment(EXPORT_MODELS[0]![1], 'categorical_crossentropy', 'adam'),
  },
  {
    id: 'train-sequence',
    title: 'LSTM, GRU (reset_after=False) step by step, SimpleRNN, Huber, RMSprop',
    exp: experiment(EXPORT_MODELS[5]![1], 'huber', 'rmsprop'),
  },
  {
    id: 'train-image',
    title: 'Conv2D, BatchNormalization, MaxPooling2D, sparse cross-entropy, momentum',
    exp: experiment(EXPORT_MODELS[3]![1], 'sparse_categorical_crossentropy', 'momentum'),
  },
];

/** A CSV of flat feature columns and a label the loss fits, as the script reads by default. */
function csvFor(dir: string, exp: Experiment, seed: number): string {
  const first = exp.model.layers[0];
  const features = first?.kind === 'Input' ? first.params.shape.reduce((a, b) => a * b, 1) : 0;
  const classes = inferShapes(exp.model).output?.at(-1) ?? 1;
  const values = seeded(40 * features, seed);
  const rows = Array.from({ length: 40 }, (_, i) => [
    ...values.slice(i * features, (i + 1) * features).map((v) => v.toFixed(4)),
    exp.training.loss === 'huber' ? (i / 40).toFixed(3) : String(i % classes),
  ]);
  const header = [...Array.from({ length: features }, (_, i) => `x${i}`), 'y'];
  const path = join(dir, `${seed}.csv`);
  writeFileSync(path, [header, ...rows].map((r) => r.join(',')).join('\n'));
  return path;
}

describe('PyTorch script export', () => {
  it('names module attributes after the Keras layers, as valid identifiers', () => {
    const spec = specFrom([
      ['Input', { shape: [3] }],
      ['Dense', { units: 2 }],
      ['Dense', { units: 1 }],
    ]);
    spec.layers[1] = { ...spec.layers[1]!, name: 'class' } as ModelSpec['layers'][number];
    const text = script({ ...defaultExperiment(), model: spec });
    expect(text).toContain('self.layer_class = nn.Linear(3, 2, bias=True)');
    expect(text).toContain('self.dense = nn.Linear(2, 1, bias=True)');
    expect(text).toContain('model.layer_class.weight.copy_(take("class/kernel").T)');
  });

  it('refuses a model that does not build, with the shape problem', () => {
    const spec = specFrom([
      ['Input', { shape: [3] }],
      ['LSTM', { units: 2 }],
    ]);
    const r = toPytorchScript({ ...defaultExperiment(), model: spec });
    expect(!r.ok && r.reason).toMatch(/^The model cannot be exported until it builds: LSTM/);
  });
});

describe.skipIf(!env.ok)('PyTorch scripts predict as tfjs does and train', () => {
  const saved = new Map<string, SavedModel>();
  const results = new Map<string, TorchResult>();
  let largest = 0;

  beforeAll(async () => {
    if (!env.ok) return;
    tf.env().set('PROD', true);
    expect(await tf.setBackend('cpu')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-torch-'));
    const before = tf.memory().numTensors;
    const cases: unknown[] = [];
    for (const [i, [, spec]] of EXPORT_MODELS.entries()) {
      const id = `model${i}`;
      const s = await savedModel(spec, i + 11);
      saved.set(id, s);
      const folder = join(dir, id);
      mkdirSync(folder);
      writeFileSync(join(folder, 'model.json'), s.modelJson);
      writeFileSync(join(folder, 'weights.bin'), s.weightsBin);
      const text = script({ ...defaultExperiment(), model: spec }, { weightsPath: 'model.json' });
      const weights = join(folder, 'model.json');
      cases.push({
        id,
        kind: 'predict',
        script: text,
        weights,
        inputs: s.inputs,
        shape: s.inputShape,
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    TRAIN.forEach((c, i) => {
      cases.push({
        id: c.id,
        kind: 'train',
        script: script(c.exp, { csvPath: csvFor(dir, c.exp, i + 1) }),
      });
    });
    const run = runPythonCases<TorchResult[]>(env, 'torch_cases.py', cases, { dir });
    expect(run.result, run.stderr.slice(-3000)).not.toBeNull();
    for (const r of run.result ?? []) results.set(r.id, r);
  }, 300_000);

  it.each(EXPORT_MODELS.map(([title], i) => ({ title, id: `model${i}` })))(
    '$title: torch predicts what tfjs predicts, within 1e-5',
    ({ id }) => {
      const r = results.get(id);
      expect(r?.error ?? null, r?.error ?? '').toBeNull();
      const s = saved.get(id);
      expect(r?.outputShape).toEqual(s?.outputShape);
      const diff = maxDiff(r?.outputs ?? [], s?.outputs ?? []);
      largest = Math.max(largest, diff);
      expect(diff).toBeLessThanOrEqual(1e-5);
    },
  );

  it.each(TRAIN)('$title: the training loop runs an epoch and saves', ({ id, exp }) => {
    const r = results.get(id);
    expect(r?.error ?? null, r?.error ?? '').toBeNull();
    expect(r?.stdout).toMatch(/Epoch 1\/1 - loss: \d+\.\d{4} - val_loss: \d+\.\d{4}/);
    const total = inferShapes(exp.model).layers.reduce(
      (n, l) => n + l.params.trainable + l.params.nonTrainable,
      0,
    );
    // state_dict holds every Keras weight (BatchNormalization adds a batch counter: none here).
    expect(r?.params).toBe(total);
  });

  it('reports the largest difference', () => {
    expect(largest).toBeLessThanOrEqual(1e-5);
    console.info(`PyTorch export: largest difference from tfjs ${largest.toExponential(2)}`);
  });
});
