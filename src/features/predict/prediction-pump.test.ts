import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PredictReply } from '../../core/predict/predict-types';
import { createPredictionPump, type Ask } from './prediction-pump';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function trainer() {
  const asked: Ask[] = [];
  const answers: (() => void)[] = [];
  const ask = (req: Ask) =>
    new Promise<PredictReply>((resolve) => {
      asked.push(req);
      answers.push(() =>
        resolve({
          type: 'predict',
          requestId: asked.length,
          message: null,
          outputs: [req.input[0]!],
        }),
      );
    });
  return {
    asked,
    ask,
    answer: async () => {
      answers.shift()?.();
      await Promise.resolve();
    },
  };
}

const sample = (v: number): Ask => ({ runId: 1, input: Float32Array.of(v), sampleShape: [1] });

describe('the prediction pump', () => {
  it('keeps one request in flight and folds what comes meanwhile into one, for the latest input', async () => {
    const t = trainer();
    const replies: number[] = [];
    const pump = createPredictionPump(t.ask, (r) => replies.push(r.outputs[0]!), 100);
    pump.set(sample(1));
    pump.set(sample(2));
    pump.poke();
    pump.set(sample(3));
    expect(t.asked).toHaveLength(1);
    await t.answer();
    expect(replies).toEqual([1]);
    // The next waits out the gap since the first was sent.
    expect(t.asked).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(t.asked.map((a) => a.input[0])).toEqual([1, 3]);
    await t.answer();
    expect(replies).toEqual([1, 3]);
    vi.advanceTimersByTime(1000);
    expect(t.asked).toHaveLength(2);
  });

  it('asks nothing without an input or once stopped, and drops replies after stop', async () => {
    const t = trainer();
    const replies: number[] = [];
    const pump = createPredictionPump(t.ask, (r) => replies.push(r.outputs[0]!), 100);
    pump.poke();
    pump.set(null);
    expect(t.asked).toHaveLength(0);
    pump.set(sample(5));
    pump.stop();
    await t.answer();
    expect(replies).toEqual([]);
    pump.poke();
    expect(t.asked).toHaveLength(1);
    pump.start();
    vi.advanceTimersByTime(100);
    pump.poke();
    expect(t.asked).toHaveLength(2);
  });
});
