import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import type { WorkerEvent, WorkerRequest } from '../core/training/protocol';
import { specFrom } from '../core/spec-from';
import { halfPlaneData, runSettings, smallMlp } from '../core/training/test-fixtures';

function harness() {
  const events: WorkerEvent[] = [];
  const waiters: { test: (e: WorkerEvent) => boolean; resolve: () => void }[] = [];
  const engine = createEngine(
    (e) => {
      events.push(e);
      for (const w of [...waiters]) if (w.test(e)) w.resolve();
    },
    { yieldNow: () => new Promise((r) => setTimeout(r, 0)), probeEveryMs: 1e9 },
  );
  const until = (test: (e: WorkerEvent) => boolean) =>
    new Promise<void>((resolve) => {
      if (events.some(test)) resolve();
      else waiters.push({ test, resolve });
    });
  return { engine, events, until };
}

const start = (runId: number, patch = {}): Extract<WorkerRequest, { type: 'start' }> => ({
  type: 'start',
  runId,
  backend: 'cpu',
  spec: smallMlp(),
  data: halfPlaneData(),
  settings: runSettings({ epochs: 2, ...patch }),
  paused: false,
  probeInputs: null,
});

const ofRun = (events: WorkerEvent[], runId: number) =>
  events.filter((e) => 'runId' in e && e.runId === runId).map((e) => e.type);

describe('training engine', () => {
  it('trains a run to the end and reports backend, progress, epochs, probes and done', async () => {
    const { engine, events, until } = harness();
    engine.handle(start(1));
    await until((e) => e.type === 'done');
    expect(events[0]).toMatchObject({ type: 'backend', report: { name: 'cpu' } });
    const types = ofRun(events, 1);
    expect(types[0]).toBe('started');
    expect(types.filter((t) => t === 'epoch')).toHaveLength(2);
    // The untrained model and the last epoch always; epoch 1 only if it took a while.
    const probed = events.flatMap((e) => (e.type === 'probe' ? [e.snapshot.epoch] : []));
    expect(probed[0]).toBe(0);
    expect(probed.at(-1)).toBe(2);
    expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'finished' });
    const probe = events.find((e) => e.type === 'probe' && e.snapshot.epoch === 2);
    if (probe?.type !== 'probe') throw new Error('no probe');
    expect(probe.snapshot.layers.map((l) => l.kind)).toEqual(['Dense', 'Dropout', 'Dense']);
    expect(probe.snapshot.layers[0]?.stats.histogram.counts).toHaveLength(30);
    expect(probe.snapshot.predictions).toMatchObject({ firstSample: 192, count: 64, units: 1 });
  });

  it('stops the old run before a new one starts, and ignores commands for a stale run', async () => {
    const { engine, events, until } = harness();
    engine.handle(start(1, { epochs: 50 }));
    await until((e) => e.type === 'batches' && e.runId === 1);
    engine.handle(start(2));
    engine.handle({ type: 'pause', runId: 1 }); // stale: must not pause run 2
    await until((e) => e.type === 'done' && e.runId === 2);
    const done1 = events.findIndex((e) => e.type === 'done' && e.runId === 1);
    const started2 = events.findIndex((e) => e.type === 'started' && e.runId === 2);
    expect(events[done1]).toMatchObject({ outcome: 'stopped' });
    expect(done1).toBeLessThan(started2);
    // Nothing from run 1 arrives once run 2 has started: the two never overlap.
    expect(events.slice(started2).some((e) => 'runId' in e && e.runId === 1)).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'done', runId: 2, outcome: 'finished' });
  });

  it('refuses data that does not fit the model, with a message naming the fix', async () => {
    const { engine, events, until } = harness();
    const data = { ...halfPlaneData(), xShape: [128, 4], x: new Float32Array(512) };
    engine.handle({
      ...start(1),
      data: { ...data, y: data.y.slice(0, 128), yShape: [128, 1], trainCount: 96 },
    } as WorkerRequest);
    await until((e) => e.type === 'done');
    expect(events.at(-1)).toMatchObject({ outcome: 'failed' });
    const done = events.at(-1);
    expect(done?.type === 'done' && done.message).toContain('set the Input shape to (4,)');
  });

  it('stops a diverging run with a plain message and advice', async () => {
    const { engine, events, until } = harness();
    const data = halfPlaneData();
    engine.handle({
      ...start(1, { loss: 'mse', learningRate: 0.5 }),
      data: { ...data, y: data.y.map((v) => v * 1e30) },
    });
    await until((e) => e.type === 'done');
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error('not done');
    expect(done.outcome).toBe('diverged');
    expect(done.message).toMatch(
      /^The loss became (NaN \(not a number\)|infinite) at epoch 1, batch 1, so training stopped\./,
    );
    expect(done.message).toContain('lower learning rate (it is 0.5; try 0.05)');
    expect(done.message).toContain('normalise the inputs');
    expect(done.message).toContain('clip gradients');
  });

  const lstmWithDropout = (runId: number): Extract<WorkerRequest, { type: 'start' }> => {
    const samples = 64;
    return {
      ...start(runId, { loss: 'mse', epochs: 1 }),
      spec: specFrom([
        ['Input', { shape: [4, 1] }],
        ['LSTM', { units: 3, dropout: 0.2, recurrent_dropout: 0.2 }],
        ['Dense', { units: 1 }],
      ]),
      data: {
        x: new Float32Array(samples * 4).map((_, i) => Math.sin(i / 3)),
        xShape: [samples, 4, 1],
        y: new Float32Array(samples).map((_, i) => Math.cos(i / 3)),
        yShape: [samples, 1],
        trainCount: samples,
        numClasses: 0,
      },
    };
  };

  it.each([
    ['an MLP', start],
    ['an LSTM with dropout', lstmWithDropout],
  ])('keeps the tensor count flat across runs of %s', async (_, request) => {
    const { engine, until } = harness();
    engine.handle(request(1));
    await until((e) => e.type === 'done' && e.runId === 1);
    const after1 = tf.memory().numTensors;
    engine.handle(request(2));
    await until((e) => e.type === 'done' && e.runId === 2);
    expect(tf.memory().numTensors).toBe(after1);
  });
});
