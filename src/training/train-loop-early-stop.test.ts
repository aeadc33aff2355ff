import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from './build-model';
import { RunControl } from './control';
import type { EpochResult } from '../core/training/protocol';
import type { RunSettings } from '../core/training/settings';
import { halfPlaneData, runSettings, smallMlp } from '../core/training/test-fixtures';
import { trainLoop } from './train-loop';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function train(settings: RunSettings, data = halfPlaneData()) {
  const model = buildModel(smallMlp(), { seed: settings.seed });
  const epochs: EpochResult[] = [];
  try {
    const outcome = await trainLoop({
      model,
      data,
      settings,
      control: new RunControl(),
      yieldNow: () => Promise.resolve(),
      callbacks: {
        onBatches: () => undefined,
        onEpoch: (e) => epochs.push(e),
        onProbe: () => Promise.resolve(),
        onState: () => undefined,
      },
    });
    return { outcome, epochs };
  } finally {
    model.dispose();
  }
}

describe('early stopping in the training loop', () => {
  it('ends the run when the loss stops improving by min_delta, saying why', async () => {
    // No epoch can improve by 1e6: the first sets the best, the next two wait, the third stops.
    const es = { monitor: 'loss', patience: 2, min_delta: 1e6 } as const;
    const { outcome, epochs } = await train(runSettings({ epochs: 10, earlyStopping: es }));
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(outcome.kind).toBe('finished');
    expect(outcome.kind === 'finished' && outcome.note).toMatch(/loss did not improve/);
  });

  it('runs every epoch when val_loss keeps improving, or without it', async () => {
    const es = { monitor: 'val_loss', patience: 1, min_delta: 0 } as const;
    const improving = await train(runSettings({ epochs: 5, earlyStopping: es }));
    expect(improving.epochs).toHaveLength(5);
    // No validation split: val_loss never has a value, so nothing stops the run (as in Keras).
    const noVal = await train(
      runSettings({ epochs: 3, earlyStopping: { ...es, patience: 0 } }),
      halfPlaneData(64, 1),
    );
    expect(noVal.epochs).toHaveLength(3);
    expect(noVal.outcome).toEqual({ kind: 'finished' });
  });

  it('leaves no tensors behind when it stops early', async () => {
    const before = tf.memory().numTensors;
    const es = { monitor: 'loss', patience: 0, min_delta: 1e6 } as const;
    await train(runSettings({ epochs: 6, earlyStopping: es }));
    expect(tf.memory().numTensors).toBe(before);
  });
});
