import { beforeEach, describe, expect, it } from 'vitest';
import { templateSpec } from '../core/templates';
import type { WorkerRequest } from '../core/training/protocol';
import { emptyRun } from '../core/training/run-state';
import { useAppStore } from './store';

let sent: WorkerRequest[] = [];
const state = () => useAppStore.getState();

const startRequest = () => {
  state().train();
  const req = sent.at(-1);
  if (req?.type !== 'start') throw new Error('no start request');
  state().stop();
  useAppStore.setState({ run: emptyRun(state().run.id) });
  return req;
};

beforeEach(() => {
  sent = [];
  useAppStore.setState({ run: emptyRun(0), embeddingLayerId: null, timelineRecording: true });
  state().setSpec(templateSpec('mlp'));
  state().attachTrainer({ send: (r) => sent.push(r) }, 'worker');
});

describe('timeline settings in the start request', () => {
  it('sends the chosen embedding layer by its index, and the default when none or gone', () => {
    expect(startRequest()).not.toHaveProperty('embeddingLayer');
    const first = state().spec.layers[1]!;
    state().setEmbeddingLayer(first.id);
    const req = startRequest();
    expect(req.embeddingLayer).toBe(1);
    expect(req.timeline).toBeUndefined();
    state().removeLayer(first.id);
    expect(startRequest()).not.toHaveProperty('embeddingLayer');
  });

  it('turns recording off for a run when asked', () => {
    state().setTimelineRecording(false);
    expect(startRequest()).toMatchObject({ timeline: false });
    state().setTimelineRecording(true);
    expect(startRequest()).not.toHaveProperty('timeline');
  });
});
