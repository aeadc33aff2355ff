import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { templateSpec } from '../core/templates';
import type { WorkerEvent, WorkerRequest } from '../core/training/protocol';
import { defaultSweepDefinition, type SweepDefinition } from '../core/sweep/definition';
import { memorySweepDb, sweepKey } from './sweep-db';

type Store = ReturnType<typeof createAppStore>;
let store: Store;
let sent: WorkerRequest[];
let db: ReturnType<typeof memorySweepDb>;
/** Whether the fake worker ends each run by itself (else the test ends it). */
let autoFinish = true;

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Plays a worker: a started run reports two epochs (loss falling with its learning rate) and finishes. */
function fakeWorker(req: WorkerRequest) {
  sent.push(req);
  if (req.type === 'stop') {
    queueMicrotask(() =>
      emit({ type: 'done', runId: req.runId, outcome: 'stopped', message: null }),
    );
  }
  if (req.type !== 'start') return;
  const { runId, settings } = req;
  queueMicrotask(() => {
    emit({
      type: 'started',
      runId,
      backend: 'cpu',
      trainCount: 400,
      valCount: 100,
      batchesPerEpoch: 13,
      totalEpochs: 2,
    });
    for (const epoch of [1, 2]) {
      const valLoss = 1 / (epoch * settings.learningRate * 100);
      emit({
        type: 'epoch',
        runId,
        result: {
          epoch,
          loss: valLoss,
          metrics: { accuracy: 0.5 },
          valLoss,
          valMetrics: { accuracy: 0.6 },
          numTensors: 10,
        },
      });
    }
    emit({
      type: 'batches',
      runId,
      losses: [{ epoch: 2, batch: 13, loss: 0.5 }],
      progress: {
        epoch: 2,
        batch: 13,
        batchesPerEpoch: 13,
        totalEpochs: 2,
        samplesPerSec: 4000,
        elapsedMs: 200,
        etaMs: null,
      },
    });
    if (autoFinish) emit({ type: 'done', runId, outcome: 'finished', message: null });
  });
}
const emit = (e: WorkerEvent) => store.getState().receive(e);

const lrGrid = (values: number[]): SweepDefinition => ({
  ...defaultSweepDefinition(),
  params: [
    { target: { kind: 'setting', name: 'learningRate' }, space: { type: 'Choice', values } },
  ],
});

async function untilDone() {
  for (let i = 0; i < 200 && !['done', 'stopped'].includes(store.getState().sweepStatus); i++)
    await tick();
}

beforeEach(() => {
  store = createAppStore();
  sent = [];
  autoFinish = true;
  db = memorySweepDb();
  store.getState().setSweepDb(db);
  store.getState().setSpec(templateSpec('mlp'));
  store.getState().attachTrainer({ send: fakeWorker }, 'worker');
});

describe('sweep slice', () => {
  it('runs a 2 × 2 grid one run after another through the start request Train sends', async () => {
    const units = store.getState().spec.layers[1]!.id;
    store.getState().setSweepDefinition({
      ...lrGrid([0.01, 0.1]),
      params: [
        ...lrGrid([0.01, 0.1]).params,
        {
          target: { kind: 'layer', layerId: units, arg: 'units' },
          space: { type: 'Choice', values: [4, 8] },
        },
      ],
      earlyStopping: { monitor: 'val_loss', patience: 2, min_delta: 0 },
    });
    const started = store.getState().startSweep();
    expect(started.ok).toBe(true);
    await untilDone();
    const s = store.getState();
    expect(s.sweepStatus).toBe('done');
    const starts = sent.filter((r) => r.type === 'start');
    expect(
      starts.map((r) => r.type === 'start' && [r.settings.learningRate, r.spec.layers[1]!.params]),
    ).toEqual([
      [0.01, expect.objectContaining({ units: 4 })],
      [0.01, expect.objectContaining({ units: 8 })],
      [0.1, expect.objectContaining({ units: 4 })],
      [0.1, expect.objectContaining({ units: 8 })],
    ]);
    expect(
      starts.every((r) => r.type === 'start' && r.settings.earlyStopping?.patience === 2),
    ).toBe(true);
    expect(s.sweep?.results.map((r) => [r.index, r.outcome, r.epochs.length])).toEqual([
      [1, 'finished', 2],
      [2, 'finished', 2],
      [3, 'finished', 2],
      [4, 'finished', 2],
    ]);
    expect(s.sweep?.results[0]?.epochs[1]).toMatchObject({ metric: 0.5, valMetric: 0.6 });
    // The run history leaves these runs out (run-recorder.ts reads sweepRunIds).
    expect(s.sweepRunIds).toEqual(starts.map((r) => r.type === 'start' && r.runId));
    // The builder is untouched.
    expect(s.trainingSettings.learningRate).toBe(0.01);
    expect(s.spec.layers[1]!.params).toMatchObject({ units: 8 });
    const saved = await db.get(sweepKey(null));
    expect(saved?.results).toHaveLength(4);
  });

  it("sends the timeline settings with every run, as Train does: the user's layer, recording off", async () => {
    const hidden = store.getState().spec.layers[1]!.id;
    store.getState().setEmbeddingLayer(hidden);
    store.getState().setSweepDefinition(lrGrid([0.01, 0.1]));
    store.getState().startSweep();
    await untilDone();
    const projected = sent.filter((r) => r.type === 'start');
    expect(projected.map((r) => r.type === 'start' && [r.embeddingLayer, r.timeline])).toEqual([
      [1, undefined],
      [1, undefined],
    ]);
    sent = [];
    store.getState().setTimelineRecording(false);
    store.getState().startSweep();
    await untilDone();
    const unrecorded = sent.filter((r) => r.type === 'start');
    expect(unrecorded).toHaveLength(2);
    expect(unrecorded.every((r) => r.type === 'start' && r.timeline === false)).toBe(true);
  });

  it('keeps the results after a reload and opens a run into the builder, undoably', async () => {
    store.getState().setSweepDefinition(lrGrid([0.05, 0.2]));
    store.getState().startSweep();
    await untilDone();
    const reloaded = createAppStore();
    reloaded.getState().setSweepDb(db);
    await reloaded.getState().loadSavedSweep();
    expect(reloaded.getState().sweep?.results.map((r) => r.values)).toEqual([[0.05], [0.2]]);
    expect(reloaded.getState().sweepDefinition).toEqual(lrGrid([0.05, 0.2]));
    reloaded.getState().setSpec(templateSpec('mlp'));
    const layersBefore = reloaded.getState().spec;
    const edited = {
      ...reloaded.getState().sweep!.results[1]!,
      spec: { layers: layersBefore.layers.slice(0, 2).concat(layersBefore.layers.slice(2)) },
    };
    reloaded.setState({
      sweep: {
        ...reloaded.getState().sweep!,
        results: [reloaded.getState().sweep!.results[0]!, edited],
      },
    });
    expect(reloaded.getState().openSweepRun(2)).toEqual([]);
    expect(reloaded.getState().trainingSettings.learningRate).toBe(0.2);
    expect(reloaded.getState().trainingSettings.loss).toBe('auto');
    expect(reloaded.getState().spec).not.toBe(layersBefore);
    reloaded.temporal.getState().undo();
    expect(reloaded.getState().spec).toBe(layersBefore);
  });

  it('skips the run in progress and goes on; stop keeps what is done and lists the rest as not run', async () => {
    autoFinish = false;
    store.getState().setSweepDefinition(lrGrid([0.01, 0.02, 0.03, 0.04]));
    store.getState().startSweep();
    await tick();
    // The first run ends by itself: it is kept as finished.
    emit({ type: 'done', runId: store.getState().run.id, outcome: 'finished', message: null });
    await tick();
    await tick();
    expect(store.getState().sweepCurrent?.index).toBe(2);
    store.getState().pauseSweep();
    expect(store.getState().sweepStatus).toBe('paused');
    expect(sent.at(-1)).toMatchObject({ type: 'pause' });
    store.getState().resumeSweep();
    expect(store.getState().sweepStatus).toBe('running');
    store.getState().skipSweepRun();
    await tick();
    await tick();
    expect(store.getState().sweep?.results.map((r) => [r.index, r.outcome, r.message])).toEqual([
      [1, 'finished', null],
      [2, 'skipped', 'Skipped during the sweep.'],
    ]);
    expect(store.getState().sweepCurrent?.index).toBe(3);
    store.getState().stopSweep();
    await untilDone();
    const s = store.getState();
    expect(s.sweepStatus).toBe('stopped');
    expect(s.sweep?.results.map((r) => [r.index, r.outcome, r.values, r.epochs.length])).toEqual([
      [1, 'finished', [0.01], 2],
      [2, 'skipped', [0.02], 2],
      [3, 'stopped', [0.03], 2],
      [4, 'not run', [0.04], 0],
    ]);
    expect(sent.filter((r) => r.type === 'start')).toHaveLength(3);
    // The saved record reads back with the new outcomes.
    expect((await db.get(sweepKey(null)))?.results.map((r) => r.outcome)).toEqual([
      'finished',
      'skipped',
      'stopped',
      'not run',
    ]);
  });

  it('pauses a run that is still starting, and resumes it', () => {
    autoFinish = false;
    store.getState().setSweepDefinition(lrGrid([0.01, 0.02]));
    store.getState().startSweep();
    const runId = store.getState().run.id;
    expect(store.getState().run.status).toBe('starting');
    store.getState().pauseSweep();
    store.getState().resumeSweep();
    expect(sent.slice(-2)).toEqual([
      { type: 'pause', runId },
      { type: 'resume', runId },
    ]);
    expect(store.getState().sweepStatus).toBe('running');
  });

  it('refuses to start what cannot run, saying why', () => {
    const big = lrGrid(Array.from({ length: 16 }, (_, i) => (i + 1) / 100));
    store.getState().setSweepDefinition({
      ...big,
      params: [
        ...big.params,
        {
          target: { kind: 'setting', name: 'batchSize' },
          space: { type: 'Choice', values: [1, 2, 4, 8, 16] },
        },
      ],
    });
    expect(store.getState().startSweep()).toMatchObject({ ok: false, reason: /16 × 5 = 80 runs/ });
    store.getState().setSweepDefinition(lrGrid([20, 30]));
    expect(store.getState().startSweep()).toMatchObject({
      ok: false,
      reason: /Every combination was skipped/,
    });
    expect(sent).toHaveLength(0);
  });
});
