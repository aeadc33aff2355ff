import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../store/store';
import { templateSpec } from '../../core/templates';
import type { WorkerEvent, WorkerRequest } from '../../core/training/protocol';
import { emptyRun } from '../../core/training/run-state';
import { defaultTrainingSettings } from '../../core/training/settings';
import { recordRuns } from './run-recorder';

const state = () => useAppStore.getState();
let sent: WorkerRequest[] = [];
let stop: () => void = () => {};
const progress = {
  epoch: 1,
  batch: 2,
  batchesPerEpoch: 13,
  totalEpochs: 1,
  samplesPerSec: 100,
  elapsedMs: 10,
  etaMs: 0,
};
const started = (runId: number): WorkerEvent => ({
  type: 'started',
  runId,
  backend: 'cpu',
  trainCount: 400,
  valCount: 100,
  batchesPerEpoch: 13,
  totalEpochs: 1,
});
const batches = (runId: number): WorkerEvent => ({
  type: 'batches',
  runId,
  losses: [
    { epoch: 1, batch: 1, loss: 0.7 },
    { epoch: 1, batch: 2, loss: 0.6 },
  ],
  progress,
});

beforeEach(() => {
  sent = [];
  useAppStore.setState({
    run: emptyRun(0),
    trainingSettings: defaultTrainingSettings,
    runs: [],
    nextRunNumber: 1,
    liveConfig: null,
  });
  state().setSpec(templateSpec('mlp'));
  state().attachTrainer({ send: (r) => sent.push(r) }, 'worker');
  stop = recordRuns(useAppStore);
});
afterEach(() => stop());

describe('run recorder', () => {
  it('keeps a run when it finishes, with the settings it started with', () => {
    state().train();
    expect(state().liveConfig?.settings.loss).toBe('binary_crossentropy');
    state().receive(started(1));
    state().receive(batches(1));
    expect(state().runs).toEqual([]);
    state().receive({ type: 'done', runId: 1, outcome: 'finished', message: null });
    expect(state().runs).toHaveLength(1);
    expect(state().runs[0]).toMatchObject({ outcome: 'finished', sourceRunId: 1, batchCount: 2 });
    expect(state().runs[0]?.batches).toEqual([
      { x: 1, y: 0.7 },
      { x: 2, y: 0.6 },
    ]);
  });

  it('keeps the model the run trained, not the edit that stopped it', () => {
    state().train();
    const trained = state().spec;
    state().receive(started(1));
    state().receive(batches(1));
    state().setSpec(templateSpec('mlp-dropout'));
    state().invalidateRun('The model changed.');
    expect(state().runs).toHaveLength(1);
    expect(state().runs[0]?.config.spec).toBe(trained);
    expect(state().runs[0]?.outcome).toBe('stopped');
  });

  it('keeps what a reset run had trained, and nothing for a run with no batch', () => {
    state().train();
    state().receive(started(1));
    state().receive(batches(1));
    state().reset();
    expect(state().runs).toHaveLength(1);
    state().train();
    state().receive({ type: 'error', runId: state().run.id, message: 'boom' });
    expect(state().runs).toHaveLength(1);
  });
});
