/**
 * Trained weights reload exactly: a model trained with tfjs and saved as the Export menu's
 * "Download trained model" saves it (model.json + weights.bin) loads into the exported Keras
 * script's model through the script's own load_tfjs_weights(), and Keras 3 predicts what
 * tfjs predicts, within 1e-5.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toKerasPython } from '../core/export/keras-python';
import { imageStack, sequenceStack } from '../core/export/testing/all-kinds';
import { pythonEnv, runPythonCases } from '../core/export/testing/python-env';
import type { ModelSpec } from '../core/model-spec';
import { defaultExperiment } from '../core/share/experiment';
import { specFrom } from '../core/spec-from';
import { buildModel, disposeModel } from './build-model';
import { appFiles, maxDiff, seeded } from './testing/export-models';

const env = pythonEnv('weights-keras.test');

/**
 * tfjs 4.22 cannot train a BatchNormalization without center or scale (its training branch
 * reads beta and gamma unconditionally), so the trained models keep both.
 */
function withBatchNormCentred(spec: ModelSpec): ModelSpec {
  const layers = spec.layers.map((l) =>
    l.kind === 'BatchNormalization'
      ? { ...l, params: { ...l.params, center: true, scale: true } }
      : l,
  );
  return { layers };
}

const MODELS: [string, ModelSpec][] = [
  [
    'Dense, BatchNormalization, PReLU, Dropout',
    specFrom([
      ['Input', { shape: [6] }],
      ['Dense', { units: 8, activation: 'relu' }],
      ['BatchNormalization', { momentum: 0.5 }],
      ['PReLU'],
      ['Dropout', { rate: 0.3 }],
      ['Dense', { units: 3, activation: 'softmax' }],
    ]),
  ],
  [
    'LSTM, GRU (reset_after=False), SimpleRNN',
    specFrom([
      ['Input', { shape: [10, 3] }],
      ['LSTM', { units: 6, return_sequences: true }],
      ['GRU', { units: 5, return_sequences: true }],
      ['SimpleRNN', { units: 4 }],
      ['Dense', { units: 1 }],
    ]),
  ],
  [
    'Conv1D and BatchNormalization over time',
    specFrom([
      ['Input', { shape: [12, 2] }],
      ['Conv1D', { filters: 4, kernel_size: 3, padding: 'same', activation: 'relu' }],
      ['BatchNormalization', { momentum: 0.5 }],
      ['MaxPooling1D'],
      ['Flatten'],
      ['Dense', { units: 2, activation: 'sigmoid' }],
    ]),
  ],
  [
    'Conv2D and BatchNormalization over channels',
    specFrom([
      ['Input', { shape: [6, 6, 2] }],
      ['Conv2D', { filters: 3, activation: 'tanh' }],
      ['BatchNormalization', { momentum: 0.5, epsilon: 0.01 }],
      ['Flatten'],
      ['Dense', { units: 1 }],
    ]),
  ],
  ['every sequence kind (all-kinds)', withBatchNormCentred(sequenceStack())],
  ['the image stack (all-kinds)', imageStack()],
];

interface Trained {
  id: string;
  weights: string;
  inputs: number[][];
  outputs: number[][];
}

/** Trains a few steps (moving statistics move too), saves as the app does, predicts. */
async function trainAndSave(dir: string, id: string, spec: ModelSpec): Promise<Trained> {
  const first = spec.layers[0];
  const shape = first?.kind === 'Input' ? first.params.shape : [];
  const model = buildModel(spec, { seed: 3 });
  try {
    const units = (model.outputShape as number[]).at(-1) ?? 1;
    const size = shape.reduce((a, b) => a * b, 1);
    const x = tf.tensor(seeded(32 * size, 1), [32, ...shape]);
    const y = tf.tensor(seeded(32 * units, 2), [32, units]);
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
    await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0, shuffle: false });
    tf.dispose([x, y]);
    const saved = await appFiles(model);
    const folder = join(dir, id);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'model.json'), saved.modelJson);
    writeFileSync(join(folder, 'weights.bin'), new Uint8Array(saved.weights));
    const input = tf.tensor(seeded(8 * size, 7), [8, ...shape]);
    const out = model.predict(input) as tf.Tensor;
    const outputs = (await out.array()) as number[][];
    const inputs = (await input.array()) as number[][];
    tf.dispose([input, out]);
    return { id, weights: join(folder, 'model.json'), inputs, outputs };
  } finally {
    disposeModel(model);
  }
}

describe.skipIf(!env.ok)('weights trained in tfjs reload in Keras 3', () => {
  const trained = new Map<string, Trained>();
  const predicted = new Map<string, { error: string | null; outputs?: number[][] }>();

  beforeAll(async () => {
    if (!env.ok) return;
    tf.env().set('PROD', true);
    expect(await tf.setBackend('cpu')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-weights-'));
    for (const [i, [, spec]] of MODELS.entries()) {
      trained.set(`model${i}`, await trainAndSave(dir, `model${i}`, spec));
    }
    const run = runPythonCases<{ id: string; error: string | null; outputs?: number[][] }[]>(
      env,
      'keras_cases.py',
      MODELS.map(([, spec], i) => {
        const t = trained.get(`model${i}`);
        return {
          id: `model${i}`,
          kind: 'predict',
          script: toKerasPython({ ...defaultExperiment(), model: spec }),
          weights: t?.weights,
          inputs: t?.inputs,
        };
      }),
      { dir },
    );
    expect(run.result, run.stderr.slice(-3000)).not.toBeNull();
    for (const r of run.result ?? []) predicted.set(r.id, r);
  }, 600_000);

  it.each(MODELS.map(([title], i) => ({ title, id: `model${i}` })))(
    '$title: Keras predicts what tfjs predicts, within 1e-5',
    ({ id }) => {
      const r = predicted.get(id);
      expect(r?.error ?? null, r?.error ?? '').toBeNull();
      const ours = trained.get(id)?.outputs ?? [];
      expect(ours.length).toBe(8);
      expect(maxDiff((r?.outputs ?? []).flat(), ours.flat())).toBeLessThanOrEqual(1e-5);
    },
  );
});
