import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from './build-model';
import { RunControl } from './control';
import type { BatchLoss, EpochResult, Progress } from '../core/training/protocol';
import type { RunSettings } from '../core/training/settings';
import { halfPlaneData, runSettings, smallMlp } from '../core/training/test-fixtures';
import { trainLoop, type LoopOutcome } from './train-loop';
import type { TrainingData } from '../core/training/training-data';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface Run {
  outcome: LoopOutcome;
  losses: number[];
  epochs: EpochResult[];
  /** The epoch of every probe, in order. */
  probed: number[];
  progress: Progress[];
}

/** A clock, a probe rate, and what to do when the loop pauses (step on, say). */
interface RunExtras {
  now?: () => number;
  probeEveryMs?: number;
  onPaused?: () => void;
  /** What each probe does to the clock. */
  onProbe?: () => void;
  probeCostRatio?: number;
}

async function run(
  settings: RunSettings,
  data = halfPlaneData(),
  control = new RunControl(),
  extras: RunExtras = {},
): Promise<Run> {
  const model = buildModel(smallMlp(), { seed: settings.seed });
  const losses: BatchLoss[] = [];
  const epochs: EpochResult[] = [];
  const probed: number[] = [];
  const progress: Progress[] = [];
  try {
    const outcome = await trainLoop({
      model,
      data,
      settings,
      control,
      yieldNow: () => Promise.resolve(),
      flushEveryMs: 0,
      ...(extras.now ? { now: extras.now } : {}),
      ...(extras.probeEveryMs ? { probeEveryMs: extras.probeEveryMs } : {}),
      ...(extras.probeCostRatio !== undefined ? { probeCostRatio: extras.probeCostRatio } : {}),
      callbacks: {
        onBatches: (l, p) => {
          losses.push(...l);
          progress.push(p);
        },
        onEpoch: (e) => epochs.push(e),
        onProbe: (epoch) => {
          extras.onProbe?.();
          return Promise.resolve(void probed.push(epoch));
        },
        onState: (s) => {
          if (s === 'paused') extras.onPaused?.();
        },
      },
    });
    return { outcome, losses: losses.map((l) => l.loss), epochs, probed, progress };
  } finally {
    model.dispose();
  }
}

/** Which epochs were probed when every reading of the clock moves it on `msPerCall`. */
async function probedEpochs(msPerCall: number, paused = false): Promise<number[]> {
  let t = 0;
  const control = new RunControl(paused);
  const r = await run(runSettings({ epochs: 5 }), halfPlaneData(), control, {
    now: () => (t += msPerCall),
    probeEveryMs: 1e9,
    probeCostRatio: 0,
    onPaused: () => control.step('epoch'),
  });
  return r.probed;
}

describe('epoch-end probes', () => {
  it('come after every epoch when epochs take a while', async () => {
    expect(await probedEpochs(100)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('skip epochs of a few milliseconds, keeping the untrained model and the last epoch', async () => {
    expect(await probedEpochs(0.01)).toEqual([0, 5]);
  });

  it('come after every epoch stepped through while paused', async () => {
    expect(await probedEpochs(0.01, true)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('what probes cost', () => {
  it('keeps probes 33 times their own duration apart, whatever the epochs take', async () => {
    let t = 0;
    // Every clock reading is 10 ms, so an epoch (a few dozen readings) takes a few hundred ms
    // and would get a probe each; each probe takes 100 ms, so probes keep 3.3 s apart.
    const r = await run(runSettings({ epochs: 40 }), halfPlaneData(), new RunControl(), {
      now: () => (t += 10),
      probeEveryMs: 1e9,
      onProbe: () => void (t += 100),
    });
    const probed = r.probed;
    expect(probed[0]).toBe(0);
    expect(probed.at(-1)).toBe(40);
    expect(probed.length).toBeGreaterThan(3);
    expect(probed.length).toBeLessThan(15);
    // The untrained model's probe (shader compiles, warm-up) does not set the pace.
    expect(probed[1]).toBe(1);
  });
});

describe('the progress at the end', () => {
  it('gives a short run its true speed and time, too short for the recent-speed meter', async () => {
    let t = 0;
    // 1 ms per clock reading: the whole run takes well under the meter's 250 ms interval.
    const r = await run(runSettings({ epochs: 3 }), halfPlaneData(), new RunControl(), {
      now: () => (t += 1),
    });
    const last = r.progress.at(-1)!;
    expect(last).toMatchObject({ epoch: 3, batch: 6, etaMs: null });
    expect(last.elapsedMs).toBeGreaterThan(0);
    expect(last.elapsedMs).toBeLessThan(250);
    // 3 epochs of 192 training samples over the elapsed time.
    expect(last.samplesPerSec).toBeCloseTo((3 * 192 * 1000) / last.elapsedMs, 6);
  });

  it('reports where a stopped run got to', async () => {
    const control = new RunControl(true);
    let steps = 0;
    const r = await run(runSettings({ epochs: 3 }), halfPlaneData(), control, {
      onPaused: () => (steps++ === 0 ? control.step('batch') : control.stop()),
    });
    expect(r.outcome).toEqual({ kind: 'stopped' });
    expect(r.progress.at(-1)).toMatchObject({ epoch: 1, batch: 1, etaMs: null });
    expect(r.progress.at(-1)!.samplesPerSec).toBeGreaterThan(0);
  });
});

describe('trainLoop', () => {
  it('makes the loss fall on a learnable problem and reports every batch', async () => {
    const r = await run(runSettings({ epochs: 6 }));
    expect(r.outcome).toEqual({ kind: 'finished' });
    expect(r.losses).toHaveLength(6 * 6); // 192 training samples / 32 per batch
    const first = r.epochs[0]!;
    const last = r.epochs.at(-1)!;
    expect(last.loss).toBeLessThan(first.loss * 0.6);
    expect(last.valLoss).not.toBeNull();
    expect(last.valMetrics.accuracy).toBeGreaterThan(0.85);
  });

  it('reproduces the same losses from the same seed, and different ones from another', async () => {
    const a = await run(runSettings({ seed: 7 }));
    const b = await run(runSettings({ seed: 7 }));
    const c = await run(runSettings({ seed: 8 }));
    expect(b.losses).toEqual(a.losses);
    expect(c.losses).not.toEqual(a.losses);
  });

  it('stops with a diverged outcome when the loss is not finite', async () => {
    const data: TrainingData = { ...halfPlaneData(), yShape: [256, 1] };
    data.y = data.y.map((v) => v * 1e30);
    const r = await run(runSettings({ loss: 'mse', metrics: [] }), data);
    expect(r.outcome).toMatchObject({ kind: 'diverged', epoch: 1, batch: 1 });
    expect(r.losses).toEqual([]);
  });

  it('keeps tf.memory().numTensors flat across epochs and rebuilds', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const r = await run(runSettings({ optimizer: i === 0 ? 'adam' : 'adagrad', epochs: 3 }));
      const counts = r.epochs.map((e) => e.numTensors);
      expect(new Set(counts).size).toBe(1);
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('applies a new learning rate at the next batch and obeys stop', async () => {
    const settings = runSettings({ optimizer: 'sgd', epochs: 2 });
    const withChange = async (change: boolean) => {
      const control = new RunControl();
      const losses: number[] = [];
      const model = buildModel(smallMlp(), { seed: 1 });
      const outcome = await trainLoop({
        model,
        data: halfPlaneData(),
        settings,
        control,
        yieldNow: () => Promise.resolve(),
        flushEveryMs: 0,
        callbacks: {
          onBatches: (l) => {
            losses.push(...l.map((b) => b.loss));
            if (change && losses.length === 2) control.setLearningRate(5);
            if (losses.length === 4) control.stop();
          },
          onEpoch: () => undefined,
          onProbe: () => Promise.resolve(),
          onState: () => undefined,
        },
      });
      model.dispose();
      return { outcome, losses };
    };
    const plain = await withChange(false);
    const changed = await withChange(true);
    expect(changed.outcome).toEqual({ kind: 'stopped' });
    expect(changed.losses).toHaveLength(4);
    // Batch 3 is computed before its update, so the new rate shows from batch 4 on.
    expect(changed.losses.slice(0, 3)).toEqual(plain.losses.slice(0, 3));
    expect(changed.losses[3]).not.toBeCloseTo(plain.losses[3]!, 5);
  });

  it('pauses, runs one batch per step, and resumes', async () => {
    const control = new RunControl(true);
    const states: string[] = [];
    let seen = 0;
    const model = buildModel(smallMlp(), { seed: 1 });
    const done = trainLoop({
      model,
      data: halfPlaneData(),
      settings: runSettings({ epochs: 1 }),
      control,
      yieldNow: () => Promise.resolve(),
      flushEveryMs: 0,
      callbacks: {
        onBatches: (l) => (seen += l.length),
        onEpoch: () => undefined,
        onProbe: () => Promise.resolve(),
        onState: (s) => states.push(s),
      },
    });
    const settle = () => new Promise((r) => setTimeout(r, 20));
    await settle();
    expect(seen).toBe(0);
    control.step('batch');
    await settle();
    expect(seen).toBe(1);
    control.step('batch');
    await settle();
    expect(seen).toBe(2);
    control.resume();
    expect(await done).toEqual({ kind: 'finished' });
    model.dispose();
    expect(seen).toBe(6);
    expect(states.slice(0, 2)).toEqual(['paused', 'running']);
  });
});
