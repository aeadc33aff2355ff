import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from './store';
import { templateSpec } from '../core/templates';
import type { WorkerEvent, WorkerRequest } from '../core/training/protocol';
import { emptyRun } from '../core/training/run-state';
import { defaultTrainingSettings } from '../core/training/settings';

let sent: WorkerRequest[] = [];
const state = () => useAppStore.getState();
const progress = {
  epoch: 1,
  batch: 1,
  batchesPerEpoch: 13,
  totalEpochs: 20,
  samplesPerSec: 100,
  elapsedMs: 10,
  etaMs: 1000,
};
const batches = (runId: number, loss: number): WorkerEvent => ({
  type: 'batches',
  runId,
  losses: [{ epoch: 1, batch: 1, loss }],
  progress,
});

beforeEach(() => {
  sent = [];
  useAppStore.setState({
    run: emptyRun(0),
    trainingSettings: defaultTrainingSettings,
    initialWeights: null,
  });
  state().setSpec(templateSpec('mlp'));
  state().attachTrainer({ send: (r) => sent.push(r) }, 'worker');
});

describe('training slice', () => {
  it('starts a run with the data, the resolved loss and a fresh run id', () => {
    state().train();
    expect(state().run).toMatchObject({ id: 1, status: 'starting' });
    const req = sent[0];
    if (req?.type !== 'start') throw new Error('no start request');
    expect(req).toMatchObject({ runId: 1, backend: 'auto', paused: false });
    expect(req.settings.loss).toBe('binary_crossentropy'); // the circle data's suggestion
    expect(req.data.xShape).toEqual([500, 2]);
    state().train();
    expect(sent).toHaveLength(1); // never two runs from one page
  });

  it('sends imported weights with every run until they are let go', () => {
    const weights = {
      source: "'weights.bin'",
      specs: [{ name: 'k', shape: [2], dtype: 'float32' as const }],
      data: new Float32Array([1, 2]).buffer,
    };
    state().setInitialWeights(weights);
    state().train();
    const first = sent[0];
    expect(first?.type === 'start' && first.initialWeights).toBe(weights);
    state().stop();
    state().receive({ type: 'done', runId: 1, outcome: 'stopped', message: null });
    state().setInitialWeights(null);
    state().train();
    const second = sent.at(-1);
    expect(second?.type).toBe('start');
    expect(second && 'initialWeights' in second).toBe(false);
  });

  it('refuses to start when the model does not fit the data, and says why', () => {
    const spec = templateSpec('lstm-forecaster');
    state().setSpec(spec);
    state().train();
    expect(sent).toEqual([]);
    expect(state().run.status).toBe('failed');
    expect(state().run.message).toContain('set the Input shape to (2,)');
  });

  it('folds events of its own run and ignores stale ones', () => {
    state().train();
    state().receive({
      type: 'started',
      runId: 1,
      backend: 'cpu',
      trainCount: 400,
      valCount: 100,
      batchesPerEpoch: 13,
      totalEpochs: 20,
    });
    state().receive(batches(1, 0.7));
    state().receive(batches(99, 5));
    expect(state().run).toMatchObject({ status: 'running', backend: 'cpu', progress });
    expect(state().run.losses.map((l) => l.loss)).toEqual([0.7]);
    state().receive({
      type: 'done',
      runId: 1,
      outcome: 'diverged',
      message: 'The loss became NaN',
    });
    expect(state().run).toMatchObject({ status: 'diverged', message: 'The loss became NaN' });
  });

  it('sends a new learning rate to a running run, and refuses invalid settings', () => {
    state().train();
    state().receive({ type: 'state', runId: 1, state: 'running' });
    expect(state().setTrainingSettings({ learningRate: 0.2 })).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'setLearningRate', runId: 1, learningRate: 0.2 });
    expect(state().setTrainingSettings({ batchSize: 0 })).toBe(false);
    expect(state().trainingSettings.batchSize).toBe(32);
  });

  it('pauses, resumes, steps and stops only where each makes sense', () => {
    state().step('batch');
    expect(sent.map((r) => r.type)).toEqual(['start', 'step']);
    expect(sent[0]).toMatchObject({ paused: true });
    state().receive({ type: 'state', runId: 1, state: 'paused' });
    state().pause();
    expect(sent).toHaveLength(2);
    state().resume();
    expect(sent.at(-1)).toEqual({ type: 'resume', runId: 1 });
    state().receive({ type: 'state', runId: 1, state: 'running' });
    state().stop();
    expect(sent.at(-1)).toEqual({ type: 'stop', runId: 1 });
    expect(state().run.status).toBe('stopping');
    state().receive({ type: 'state', runId: 1, state: 'running' });
    expect(state().run.status).toBe('stopping');
  });

  it('reset and edits retire the run id, so late events cannot revive it', () => {
    state().train();
    state().receive(batches(1, 0.7));
    state().invalidateRun('The model changed');
    expect(sent.at(-1)).toEqual({ type: 'stop', runId: 1 });
    expect(state().run).toMatchObject({ id: 2, status: 'stopped', message: 'The model changed' });
    expect(state().run.losses).toHaveLength(1); // the curve stays visible
    state().receive(batches(1, 0.5));
    expect(state().run.losses).toHaveLength(1);
    state().reset();
    expect(state().run).toEqual(emptyRun(3));
    state().train();
    expect(sent.at(-1)).toMatchObject({ type: 'start', runId: 4 });
  });
});
