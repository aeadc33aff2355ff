import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFrom } from '../core/spec-from';
import { saturationShares } from '../core/timeline/gate-saturation';
import { buildModel } from './build-model';
import { gateKind, gateRecurrence } from './gate-recurrence';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const n = 5;
const steps = 7;
const features = 3;
const x = () =>
  tf.tensor3d(
    Float32Array.from({ length: n * steps * features }, (_, i) => Math.sin(i * 0.7) * 2),
    [n, steps, features],
  );

describe('gate recurrence', () => {
  for (const kind of ['LSTM', 'GRU'] as const) {
    for (const act of ['sigmoid', 'hard_sigmoid'] as const) {
      it(`reproduces the app's ${kind} layer (recurrent_activation ${act}) step by step`, () => {
        const spec = specFrom([
          ['Input', { shape: [steps, features] }],
          [kind, { units: 4, return_sequences: true, recurrent_activation: act }],
        ]);
        const model = buildModel(spec, { seed: 11 });
        // Larger weights than the initialiser's, so some gates saturate and the test sees them.
        const scaled = model.getWeights().map((w, k) => tf.mul(w, k === 2 ? 1 : 3));
        model.setWeights(scaled);
        tf.dispose(scaled);
        const layer = model.layers[1]!;
        expect(gateKind(layer)).toBe(kind);
        const input = x();
        const before = tf.memory().numTensors;
        const run = gateRecurrence(layer, kind, input, true);
        const expected = model.predict(input) as tf.Tensor;
        const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(run.sequence!, expected))).dataSync()[0]!);
        expect(diff).toBeLessThan(1e-5);
        expect(run.perGate).toBe(n * steps * 4);
        const counts = run.counts.dataSync();
        expect(counts.length).toBe(2 * (kind === 'LSTM' ? 4 : 3));
        expect(counts.some((c) => c > 0)).toBe(true);
        tf.dispose([expected, run.counts, run.sequence!]);
        expect(tf.memory().numTensors).toBe(before);
        input.dispose();
        model.dispose();
      });
    }
  }

  it('counts saturated gate values as a hand computation does (one LSTM unit, two steps)', () => {
    const spec = specFrom([
      ['Input', { shape: [2, 1] }],
      ['LSTM', { units: 1 }],
    ]);
    const model = buildModel(spec, { seed: 1 });
    // Gates i f c o: kernel [1, 4], recurrent kernel [1, 4], bias [4].
    const k = [4, -4, 2, 0.5];
    const rk = [1, 0.5, -1, 2];
    const b = [0, 1, 0, -3];
    const weights = [tf.tensor2d([k]), tf.tensor2d([rk]), tf.tensor1d(b)];
    model.setWeights(weights);
    tf.dispose(weights);
    const xs = [
      [1, 0.5],
      [-2, 3],
      [0.1, -0.2],
    ];
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    const gates: number[][] = [[], [], [], []];
    for (const seq of xs) {
      let h = 0;
      let c = 0;
      for (const v of seq) {
        const z = [0, 1, 2, 3].map((g) => v * k[g]! + h * rk[g]! + b[g]!);
        const [i, f, g, o] = [sig(z[0]!), sig(z[1]!), Math.tanh(z[2]!), sig(z[3]!)];
        [i, f, g, o].forEach((val, j) => gates[j]!.push(val));
        c = f * c + i * g;
        h = o * Math.tanh(c);
      }
    }
    const input = tf.tensor3d(xs.map((s) => s.map((v) => [v])));
    const before = tf.memory().numTensors;
    const run = gateRecurrence(model.layers[1]!, 'LSTM', input);
    const counts = run.counts.dataSync();
    const bounds = [
      { low: 0.05, high: 0.95 },
      { low: 0.05, high: 0.95 },
      { low: -0.95, high: 0.95 },
      { low: 0.05, high: 0.95 },
    ];
    expect(run.bounds).toEqual(bounds);
    expect(run.perGate).toBe(6);
    bounds.forEach((bound, g) => {
      const hand = saturationShares(gates[g]!, bound);
      expect(counts[2 * g]! / run.perGate).toBeCloseTo(hand.low, 6);
      expect(counts[2 * g + 1]! / run.perGate).toBeCloseTo(hand.high, 6);
    });
    // The case is not trivial: some gate saturates low and some high.
    expect(counts.some((c, j) => j % 2 === 0 && c > 0)).toBe(true);
    expect(counts.some((c, j) => j % 2 === 1 && c > 0)).toBe(true);
    run.counts.dispose();
    expect(tf.memory().numTensors).toBe(before);
    input.dispose();
    model.dispose();
  });
});
