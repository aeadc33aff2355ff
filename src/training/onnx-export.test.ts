/**
 * The ONNX export computes what tfjs computes: every model of the table (all layer kinds the
 * exporter covers) is written as ONNX from the weights a download holds, checked by
 * onnx.checker and run by ONNX Runtime, whose outputs equal tfjs' within 1e-5.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ONNX_OPSET, onnxSupport, toOnnx } from '../core/export/onnx-export';
import { pythonEnv, runPythonCases } from '../core/export/testing/python-env';
import { specFrom } from '../core/spec-from';
import { EXPORT_MODELS, maxDiff, savedModel, type SavedModel } from './testing/export-models';

const env = pythonEnv('onnx-export.test');

interface OnnxResult {
  id: string;
  error: string | null;
  outputs?: number[];
  outputShape?: number[];
  inputShape?: (number | string)[];
  opset?: number;
  ops?: string[];
}

describe('ONNX export refuses what it cannot express', () => {
  it('names the layer and the activation ONNX recurrent operators lack', () => {
    const spec = specFrom([
      ['Input', { shape: [4, 2] }],
      ['LSTM', { units: 3, activation: 'swish' }],
      ['Dense', { units: 1 }],
    ]);
    const r = onnxSupport(spec);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(
      /^LSTM 'lstm' uses swish, which ONNX's LSTM operator cannot run/,
    );
    expect(toOnnx(spec, new Map())).toEqual(r);
  });

  it('refuses weights that are not this model’s, naming the missing weight', () => {
    const spec = specFrom([
      ['Input', { shape: [3] }],
      ['Dense', { units: 2 }],
    ]);
    expect(onnxSupport(spec)).toEqual({ ok: true, value: true });
    const r = toOnnx(
      spec,
      new Map([['dense/kernel', { shape: [4, 2], values: new Float32Array(8) }]]),
    );
    expect(r).toEqual({
      ok: false,
      reason:
        "The trained weight 'dense/kernel' has shape [4, 2], the model needs [3, 2]: train the model again, then export.",
    });
  });

  it('refuses a model that does not build, with the shape problem', () => {
    const spec = specFrom([
      ['Input', { shape: [3] }],
      ['LSTM', { units: 2 }],
    ]);
    const r = onnxSupport(spec);
    expect(!r.ok && r.reason).toMatch(/^The model cannot be exported until it builds: LSTM/);
  });
});

describe.skipIf(!env.ok)('ONNX exports run in ONNX Runtime as in tfjs', () => {
  const saved = new Map<string, SavedModel>();
  const results = new Map<string, OnnxResult>();
  let largest = 0;

  beforeAll(async () => {
    if (!env.ok) return;
    tf.env().set('PROD', true);
    expect(await tf.setBackend('cpu')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-onnx-'));
    const before = tf.memory().numTensors;
    const cases = [];
    for (const [i, [, spec]] of EXPORT_MODELS.entries()) {
      const id = `model${i}`;
      const s = await savedModel(spec, i + 1);
      saved.set(id, s);
      const bytes = toOnnx(spec, s.weights);
      if (!bytes.ok) throw new Error(`${id}: ${bytes.reason}`);
      const path = join(dir, `${id}.onnx`);
      writeFileSync(path, bytes.value);
      cases.push({ id, path, inputs: s.inputs, shape: s.inputShape });
    }
    // Building, saving and predicting leave no tensor behind.
    expect(tf.memory().numTensors).toBe(before);
    const run = runPythonCases<OnnxResult[]>(env, 'onnx_cases.py', cases, { dir });
    expect(run.result, run.stderr.slice(-3000)).not.toBeNull();
    for (const r of run.result ?? []) results.set(r.id, r);
  }, 300_000);

  it.each(EXPORT_MODELS.map(([title], i) => ({ title, id: `model${i}` })))(
    '$title: passes onnx.checker and predicts what tfjs predicts, within 1e-5',
    ({ id }) => {
      const r = results.get(id);
      expect(r?.error ?? null, r?.error ?? '').toBeNull();
      expect(r?.opset).toBe(ONNX_OPSET);
      const s = saved.get(id);
      expect(r?.outputShape).toEqual(s?.outputShape);
      expect(r?.inputShape?.[0]).toBe('batch');
      const diff = maxDiff(r?.outputs ?? [], s?.outputs ?? []);
      largest = Math.max(largest, diff);
      expect(diff).toBeLessThanOrEqual(1e-5);
    },
  );

  it('uses ONNX’s own recurrent operators and reports the largest difference', () => {
    const ops = new Set([...results.values()].flatMap((r) => r.ops ?? []));
    for (const op of [
      'LSTM',
      'GRU',
      'RNN',
      'Conv',
      'MaxPool',
      'AveragePool',
      'BatchNormalization',
      'PRelu',
    ]) {
      expect(ops).toContain(op);
    }
    console.info(`ONNX export: largest difference from tfjs ${largest.toExponential(2)}`);
  });
});
