import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFrom } from '../core/spec-from';
import type { WorkerEvent, WorkerRequest } from '../core/training/protocol';
import { halfPlaneData, runSettings, smallMlp } from '../core/training/test-fixtures';
import { buildModel } from './build-model';
import { createEngine } from './engine';
import { predictOne } from './predict';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const cnn = () =>
  specFrom([
    ['Input', { shape: [8, 8, 1] }],
    ['Conv2D', { filters: 2, kernel_size: [3, 3], activation: 'relu' }],
    ['Flatten'],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]);

describe('predictOne', () => {
  it('equals the model on a batch, leaves no tensor behind, and refuses a wrong size', async () => {
    const model = buildModel(cnn(), { seed: 5 });
    const img = Float32Array.from({ length: 64 }, (_, i) => ((i * 7) % 11) / 10);
    const expected = tf.tidy(() =>
      Array.from((model.predict(tf.tensor(img, [1, 8, 8, 1])) as tf.Tensor).dataSync()),
    );
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      const out = await predictOne(model, img, [8, 8, 1]);
      out.forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 6));
    }
    await expect(predictOne(model, img.subarray(0, 60), [8, 8, 1])).rejects.toThrow(
      /60 values but one sample of 8×8×1 needs 64/,
    );
    await expect(predictOne(model, new Float32Array(16), [4, 4, 1])).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

/** An engine whose replies are awaited by requestId (or by a test on the event). */
function harness() {
  const events: WorkerEvent[] = [];
  const waiters: { test: (e: WorkerEvent) => boolean; resolve: (e: WorkerEvent) => void }[] = [];
  const engine = createEngine(
    (e) => {
      events.push(e);
      for (const w of [...waiters]) if (w.test(e)) w.resolve(e);
    },
    { yieldNow: () => new Promise((r) => setTimeout(r, 0)), probeEveryMs: 1e9 },
  );
  const until = (test: (e: WorkerEvent) => boolean) =>
    new Promise<WorkerEvent>((resolve) => {
      const seen = events.find(test);
      if (seen) resolve(seen);
      else waiters.push({ test, resolve });
    });
  let id = 0;
  const predict = async (runId: number, input: number[]) => {
    const requestId = ++id;
    const reply = until((e) => e.type === 'predict' && e.requestId === requestId);
    engine.handle({
      type: 'predict',
      requestId,
      runId,
      input: Float32Array.from(input),
      sampleShape: [2],
    });
    const e = await reply;
    if (e.type !== 'predict') throw new Error('not a predict reply');
    return e;
  };
  return { engine, events, until, predict };
}

const start = (runId: number, epochs: number): Extract<WorkerRequest, { type: 'start' }> => ({
  type: 'start',
  runId,
  backend: 'cpu',
  spec: smallMlp(),
  data: halfPlaneData(),
  settings: runSettings({ epochs }),
  paused: false,
  probeInputs: null,
});

describe('the engine answers predict requests', () => {
  it('between batches while training, and on the kept model after it ends, without leaks', async () => {
    const { engine, events, until, predict } = harness();
    engine.handle(start(1, 500));
    await until((e) => e.type === 'batches' && e.runId === 1);
    const during = await predict(1, [0.5, 0.5]);
    expect(during.message).toBeNull();
    expect(during.outputs).toHaveLength(1);
    expect(events.some((e) => e.type === 'done')).toBe(false);
    engine.handle({ type: 'stop', runId: 1 });
    await until((e) => e.type === 'done' && e.runId === 1);

    // The stopped run's model is kept: it predicts, and each prediction frees what it made.
    await predict(1, [0, 0]);
    const before = tf.memory().numTensors;
    const replies = [];
    for (let i = 0; i < 10; i++) replies.push(await predict(1, [i / 10, -i / 10]));
    expect(tf.memory().numTensors).toBe(before);
    for (const r of replies) {
      expect(r.message).toBeNull();
      expect(r.outputs[0]).toBeGreaterThanOrEqual(0);
      expect(r.outputs[0]).toBeLessThanOrEqual(1);
    }
  });

  it('after training, a point deep in each half-plane gets its class', async () => {
    const { engine, until, predict } = harness();
    engine.handle(start(1, 30));
    await until((e) => e.type === 'done' && e.runId === 1);
    expect((await predict(1, [0.9, 0.9])).outputs[0]).toBeGreaterThan(0.8);
    expect((await predict(1, [-0.9, -0.9])).outputs[0]).toBeLessThan(0.2);
  });

  it("says so when the run's model is gone, or the input does not fit it", async () => {
    const { engine, until, predict } = harness();
    engine.handle(start(1, 1));
    await until((e) => e.type === 'done' && e.runId === 1);
    const stale = await predict(7, [0, 0]);
    expect(stale.message).toMatch(/no longer in memory/);
    expect(stale.outputs).toEqual([]);
    const wrong = await predict(1, [0, 0, 0]);
    expect(wrong.message).toMatch(/3 values but one sample of 2 needs 2/);
  });
});
