import { describe, expect, it } from 'vitest';
import { templateSpec } from '../core/templates';
import { requestSchema } from '../core/training/protocol';
import { runSettings } from '../core/training/test-fixtures';
import { startRequest } from './start-request';
import { createAppStore } from './store';

function page() {
  const store = createAppStore();
  store.getState().setSpec(templateSpec('mlp'));
  const s = store.getState();
  if (!s.prepared.ok) throw new Error(s.prepared.reason);
  return { s, data: s.prepared.value };
}

describe('start request', () => {
  it('is one the worker accepts, with the run its own and the timeline the page’s', () => {
    const { s, data } = page();
    const spec = s.spec;
    const req = startRequest(
      { ...s, embeddingLayerId: spec.layers[2]!.id, timelineRecording: true },
      { runId: 7, spec, settings: runSettings({ seed: 11 }), data, paused: true },
    );
    expect(requestSchema.safeParse(req).success).toBe(true);
    expect(req).toMatchObject({
      type: 'start',
      runId: 7,
      paused: true,
      backend: s.backendChoice,
      settings: { seed: 11 },
      normalisation: data.normalisation.kind,
      embeddingLayer: 2,
    });
    expect(req.data.x).toBe(data.x);
    // Only the arrays and counts travel, not the whole prepared table.
    expect(Object.keys(req.data).sort()).toEqual(
      ['numClasses', 'trainCount', 'x', 'xShape', 'y', 'yShape'].sort(),
    );
    expect(req).not.toHaveProperty('initialWeights');
    expect(req).not.toHaveProperty('knownSpeeds');
    expect(req).not.toHaveProperty('timeline');
  });

  it('says when recording is off, and carries known speeds only when there are some', () => {
    const { s, data } = page();
    const known = { machine: 'm', results: [] };
    const req = startRequest(
      { ...s, timelineRecording: false },
      { runId: 1, spec: s.spec, settings: runSettings(), data, paused: false, knownSpeeds: known },
    );
    expect(req).toMatchObject({ timeline: false, knownSpeeds: known });
    expect(req).not.toHaveProperty('embeddingLayer');
  });
});
