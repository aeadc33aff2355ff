import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFrom } from '../core/spec-from';
import { buildModel, disposeModel } from './build-model';
import { fusedCoverage, maxFusedUnits, type RecurrentLayerSpec } from './fused-recurrent-coverage';
import { plannedKernelReport, recurrentKernelReport } from './fused-recurrent-layer';

beforeAll(async () => {
  tf.env().set('PROD', true);
  expect(await tf.setBackend('cpu')).toBe(true);
});

const layerOf = (kind: 'LSTM' | 'GRU' | 'SimpleRNN', params: object = {}) =>
  specFrom([
    ['Input', { shape: [5, 2] }],
    [kind, params],
  ]).layers[1] as RecurrentLayerSpec;

describe('fusedCoverage', () => {
  it('covers the default layers, with their Keras arguments', () => {
    const r = fusedCoverage(layerOf('LSTM', { units: 7, return_sequences: true }));
    expect(r).toEqual({
      ok: true,
      config: {
        kind: 'LSTM',
        units: 7,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
        useBias: true,
        returnSequences: true,
      },
    });
  });

  it.each([
    [{ dropout: 0.2 }, 'dropout is not fused'],
    [{ recurrent_dropout: 0.1 }, 'recurrent_dropout is not fused'],
    [{ activation: 'softmax' }, 'the softmax activation is not fused'],
    [{ recurrent_activation: 'gelu' }, 'the gelu recurrent_activation is not fused'],
    [{ units: 700 }, '700 units is more than the fused kernel holds (682)'],
  ])('refuses %o with a reason', (params, reason) => {
    expect(fusedCoverage(layerOf('LSTM', params))).toEqual({ ok: false, reason });
  });

  it('fits each kind in 16 KiB of workgroup memory', () => {
    expect([maxFusedUnits('LSTM'), maxFusedUnits('GRU'), maxFusedUnits('SimpleRNN')]).toEqual([
      682, 819, 2048,
    ]);
  });
});

describe('fused recurrent layers in buildModel', () => {
  const spec = specFrom([
    ['Input', { shape: [6, 3] }],
    ['LSTM', { units: 4, return_sequences: true }],
    ['GRU', { units: 3, return_sequences: true }],
    ['SimpleRNN', { units: 2, dropout: 0.5 }],
  ]);

  it('keeps the class names, weight names, shapes and values of tfjs own layers', () => {
    const fused = buildModel(spec, { seed: 4 });
    const own = buildModel(spec, { seed: 4, fusedRecurrent: false });
    // tfjs makes variable names unique per process (a second model's get a _1 suffix).
    const bare = (name: string) => name.replace(/_\d+$/, '');
    const describe = (m: tf.LayersModel) =>
      m.layers.map((l) => [l.getClassName(), l.weights.map((w) => [bare(w.name), w.shape])]);
    expect(describe(fused)).toEqual(describe(own));
    expect(describe(fused)[1]).toEqual([
      'LSTM',
      [
        ['lstm/kernel', [3, 16]],
        ['lstm/recurrent_kernel', [4, 16]],
        ['lstm/bias', [16]],
      ],
    ]);
    fused.getWeights().forEach((w, i) => {
      expect(Array.from(w.dataSync())).toEqual(Array.from(own.getWeights()[i]?.dataSync() ?? []));
    });
    disposeModel(fused);
    disposeModel(own);
  });

  it('runs tfjs own implementation off webgpu, with the same outputs', () => {
    const fused = buildModel(spec, { seed: 4 });
    const own = buildModel(spec, { seed: 4, fusedRecurrent: false });
    const x = tf.randomNormal([2, 6, 3], 0, 1, 'float32', 9);
    const a = fused.predict(x) as tf.Tensor;
    const b = own.predict(x) as tf.Tensor;
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(recurrentKernelReport(fused)).toBe(
      "Recurrent kernels: lstm runs tfjs' own layer (the cpu backend has no fused kernel); " +
        "gru runs tfjs' own layer (the cpu backend has no fused kernel); " +
        "simple_rnn runs tfjs' own layer (dropout is not fused).",
    );
    tf.dispose([x, a, b]);
    disposeModel(fused);
    disposeModel(own);
  });

  it('says before training which layers will run fused on webgpu', () => {
    const fused = buildModel(spec, { seed: 4 });
    const off = buildModel(spec, { seed: 4, fusedRecurrent: false });
    expect(plannedKernelReport(fused, 'webgpu')).toBe(
      'Recurrent kernels: lstm runs the fused WebGPU kernel; gru runs the fused WebGPU kernel; ' +
        "simple_rnn runs tfjs' own layer (dropout is not fused).",
    );
    expect(plannedKernelReport(fused, 'wasm')).toContain(
      "lstm runs tfjs' own layer (the wasm backend has no fused kernel)",
    );
    expect(plannedKernelReport(off, 'webgpu')).toContain(
      'lstm runs tfjs\' own layer (the "Fused recurrent kernels" setting is off)',
    );
    const dense = buildModel(specFrom([['Input', { shape: [3] }], ['Dense']]));
    expect(plannedKernelReport(dense, 'webgpu')).toBeNull();
    [fused, off, dense].forEach(disposeModel);
  });
});
