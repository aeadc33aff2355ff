import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFrom } from '../core/spec-from';
import { quantiles } from '../core/timeline/quantiles';
import { WEIGHT_QUANTILES } from '../core/timeline/timeline-types';
import { buildModel } from './build-model';
import { lossFn } from './losses';
import { createProber } from './probes';
import { gateRecurrence } from './gate-recurrence';
import { PASS_SAMPLES } from './timeline-probe';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const n = 60;
const trainCount = 20;
const dataOf = (n: number, trainCount: number) => ({
  x: Float32Array.from({ length: n * 3 }, (_, i) => Math.sin(i * 1.3) + (i % 3)),
  xShape: [n, 3],
  y: Float32Array.from({ length: n }, (_, i) => Math.cos(i)),
  yShape: [n, 1],
  trainCount,
  numClasses: 0,
});
const data = dataOf(n, trainCount);

describe('timeline probe', () => {
  it.each([
    ['all 40 validation samples', 60, 20, 40],
    [`the first ${PASS_SAMPLES} of 180 validation samples`, 200, 20, PASS_SAMPLES],
  ])(
    'gradient norms equal the hand-computed gradient of a linear model, on %s',
    async (_, n, trainCount, m) => {
      const data = dataOf(n, trainCount);
      const spec = specFrom([
        ['Input', { shape: [3] }],
        ['Dense', { units: 1 }],
      ]);
      const model = buildModel(spec, { seed: 3 });
      const prober = createProber(model, spec, data, null, {
        loss: lossFn('mse', 0),
        embeddingIndex: null,
      });
      const { timeline } = await prober.probe(1, 1, true);
      const [kernel, bias] = model.getWeights().map((w) => w.dataSync());
      // mse = mean((x·w + b − y)²) over m samples: dL/dw = 2/m Σ r·x, dL/db = 2/m Σ r.
      const gw = [0, 0, 0];
      let gb = 0;
      for (let s = trainCount; s < trainCount + m; s++) {
        const xs = [0, 1, 2].map((j) => data.x[s * 3 + j]!);
        const r = xs.reduce((a, v, j) => a + v * kernel![j]!, bias![0]!) - data.y[s]!;
        xs.forEach((v, j) => (gw[j]! += (2 / m) * r * v));
        gb += (2 / m) * r;
      }
      const byName = new Map(timeline!.weights.map((w) => [w.weight, w]));
      expect(byName.get('kernel')!.gradNorm!).toBeCloseTo(Math.hypot(...gw), 4);
      expect(byName.get('bias')!.gradNorm!).toBeCloseTo(Math.abs(gb), 4);
      expect(timeline!.globalGradNorm!).toBeCloseTo(Math.hypot(...gw, gb), 4);
      // Weight summaries are of the weights themselves.
      expect(byName.get('kernel')!.quantiles).toEqual(quantiles(kernel!, WEIGHT_QUANTILES));
      expect(byName.get('kernel')!.values).toEqual(Array.from(kernel!));
      expect(byName.get('kernel')!.layerName).toBe('dense');
      prober.dispose();
      model.dispose();
    },
  );

  it('projects a 2-unit layer by a rotation: distances and total variance are kept', async () => {
    const spec = specFrom([
      ['Input', { shape: [3] }],
      ['Dense', { units: 2 }],
      ['Dense', { units: 1 }],
    ]);
    const model = buildModel(spec, { seed: 5 });
    const prober = createProber(model, spec, data, null, {
      loss: lossFn('mse', 0),
      embeddingIndex: 1,
    });
    const before = tf.memory().numTensors;
    const { timeline } = await prober.probe(2, 1, true);
    expect(tf.memory().numTensors).toBe(before);
    const e = timeline!.embedding!;
    expect(e).toMatchObject({ layerIndex: 1, layerName: 'dense', firstSample: trainCount });
    expect(e.explained[0] + e.explained[1]).toBeCloseTo(1, 6);
    expect(e.explained[0]).toBeGreaterThanOrEqual(e.explained[1]);
    const hidden = tf.tidy(() =>
      (
        model.layers[1]!.apply(
          tf.tensor2d(data.x.subarray(trainCount * 3), [n - trainCount, 3]),
        ) as tf.Tensor
      ).arraySync(),
    ) as number[][];
    const dist = (p: number[], i: number, j: number) =>
      Math.hypot(p[2 * i]! - p[2 * j]!, p[2 * i + 1]! - p[2 * j + 1]!);
    const flat = hidden.flat();
    for (const [i, j] of [
      [0, 1],
      [3, 17],
      [5, 39],
    ] as const) {
      expect(dist(e.points, i, j)).toBeCloseTo(dist(flat, i, j), 3);
    }
    // The next epoch's picture keeps the same orientation: no mirroring from one epoch to the next.
    const again = await prober.probe(3, 1, true);
    expect(again.timeline!.embedding!.points[0]).toBeCloseTo(e.points[0]!, 5);
    prober.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(0);
  });

  it(`counts gate saturation on the first ${PASS_SAMPLES} probe samples of a larger set`, async () => {
    const steps = 3;
    const n = 130;
    const seq = {
      // Later samples swing wider, so their gates saturate more: 64 samples differ from 120.
      x: Float32Array.from(
        { length: n * steps },
        (_, i) => (12 * i * Math.sin(i * 0.7)) / (n * steps),
      ),
      xShape: [n, steps, 1],
      y: Float32Array.from({ length: n }, (_, i) => Math.cos(i)),
      yShape: [n, 1],
      trainCount: 10,
      numClasses: 0,
    };
    const spec = specFrom([
      ['Input', { shape: [steps, 1] }],
      ['LSTM', { units: 2 }],
      ['Dense', { units: 1 }],
    ]);
    const model = buildModel(spec, { seed: 5 });
    const prober = createProber(model, spec, seq, null, {
      loss: lossFn('mse', 0),
      embeddingIndex: null,
    });
    const { timeline } = await prober.probe(1, 1, true);
    const direct = tf.tidy(() => {
      const x = tf.tensor3d(seq.x.subarray(10 * steps, (10 + PASS_SAMPLES) * steps), [
        PASS_SAMPLES,
        steps,
        1,
      ]);
      const run = gateRecurrence(model.layers[1]!, 'LSTM', x);
      expect(run.perGate).toBe(PASS_SAMPLES * steps * 2);
      return Array.from(run.counts.dataSync()).map((c) => c / run.perGate);
    });
    expect(direct.some((share) => share > 0)).toBe(true);
    timeline!.gates![0]!.gates.forEach((g, k) => {
      expect(g.low).toBeCloseTo(direct[2 * k]!, 6);
      expect(g.high).toBeCloseTo(direct[2 * k + 1]!, 6);
    });
    prober.dispose();
    model.dispose();
  });

  it('records each LSTM/GRU gate saturation, as the recurrence counts it, in the same read-back', async () => {
    const steps = 4;
    const seq = {
      x: Float32Array.from({ length: 30 * steps }, (_, i) => 3 * Math.sin(i * 0.9)),
      xShape: [30, steps, 1],
      y: Float32Array.from({ length: 30 }, (_, i) => Math.cos(i)),
      yShape: [30, 1],
      trainCount: 10,
      numClasses: 0,
    };
    const spec = specFrom([
      ['Input', { shape: [steps, 1] }],
      ['LSTM', { units: 3, return_sequences: true }],
      ['GRU', { units: 2 }],
      ['Dense', { units: 1 }],
    ]);
    const model = buildModel(spec, { seed: 7 });
    const prober = createProber(model, spec, seq, null, {
      loss: lossFn('mse', 0),
      embeddingIndex: null,
    });
    const before = tf.memory().numTensors;
    const { timeline } = await prober.probe(1, 1, true);
    expect(tf.memory().numTensors).toBe(before);
    const gates = timeline!.gates!;
    expect(gates.map((g) => [g.layerIndex, g.layerName, g.kind])).toEqual([
      [1, 'lstm', 'LSTM'],
      [2, 'gru', 'GRU'],
    ]);
    expect(gates[0]!.gates.map((g) => g.gate)).toEqual(['input', 'forget', 'candidate', 'output']);
    expect(gates[1]!.gates.map((g) => g.gate)).toEqual(['update', 'reset', 'candidate']);
    // The LSTM's input is the probe samples themselves: the same counts as running it directly.
    const direct = tf.tidy(() => {
      const x = tf.tensor3d(seq.x.subarray(10 * steps), [20, steps, 1]);
      const run = gateRecurrence(model.layers[1]!, 'LSTM', x);
      return Array.from(run.counts.dataSync()).map((c) => c / run.perGate);
    });
    gates[0]!.gates.forEach((g, k) => {
      expect(g.low).toBeCloseTo(direct[2 * k]!, 6);
      expect(g.high).toBeCloseTo(direct[2 * k + 1]!, 6);
    });
    prober.dispose();
    model.dispose();
  });
});
