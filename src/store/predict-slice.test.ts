import { describe, expect, it } from 'vitest';
import type { WorkerRequest } from '../core/training/protocol';
import { createAppStore } from './store';

describe('predict slice', () => {
  it('sends a predict request and resolves with the reply the trainer routes back', async () => {
    const store = createAppStore();
    const sent: WorkerRequest[] = [];
    store.getState().attachTrainer({ send: (r) => sent.push(r) }, 'worker');
    const input = Float32Array.of(1, 2);
    const asked = store.getState().predictRequest({ runId: 3, input, sampleShape: [2] });
    expect(sent).toHaveLength(1);
    const req = sent[0]!;
    if (req.type !== 'predict') throw new Error(`sent ${req.type}`);
    expect(req).toMatchObject({ runId: 3, input, sampleShape: [2] });
    // An answer to another request changes nothing; its own resolves it.
    store.getState().receive({
      type: 'predict',
      requestId: req.requestId + 1,
      message: null,
      outputs: [9],
    });
    store.getState().receive({
      type: 'predict',
      requestId: req.requestId,
      message: null,
      outputs: [0.25, 0.75],
    });
    await expect(asked).resolves.toMatchObject({ message: null, outputs: [0.25, 0.75] });
  });

  it('says so when there is no trainer yet', async () => {
    const store = createAppStore();
    store.getState().attachTrainer(null);
    const reply = await store.getState().predictRequest({
      runId: 1,
      input: Float32Array.of(0),
      sampleShape: [1],
    });
    expect(reply.message).toMatch(/trainer has not started/);
  });
});
