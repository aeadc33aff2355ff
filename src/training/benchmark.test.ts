import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { measureBackend, withProbes } from './benchmark';
import { halfPlaneData, runSettings, smallMlp } from '../core/training/test-fixtures';

describe('measuring a backend', () => {
  it('warms up, then reports the median speed of real training steps, leaking nothing', async () => {
    const data = halfPlaneData();
    const settings = runSettings();
    await measureBackend('cpu', smallMlp(), data, settings, 50, { steps: 1, ms: 0, maxMs: 50 });
    const before = tf.memory().numTensors;
    const r = await measureBackend('cpu', smallMlp(), data, settings, 150, {
      steps: 3,
      ms: 20,
      maxMs: 500,
    });
    expect(r).toMatchObject({ name: 'cpu', reason: null });
    expect(r.stepsPerSecond).toBeGreaterThan(1);
    expect(r.warmupMs).toBeGreaterThanOrEqual(20);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('says why a backend that cannot start was not measured', async () => {
    const r = await measureBackend('webgpu', smallMlp(), halfPlaneData(), runSettings());
    expect(r.stepsPerSecond).toBeNull();
    expect(r.reason).toMatch(/webgpu/i);
    await tf.setBackend('cpu');
  });
});

describe('a step with its share of the probes', () => {
  const data = { ...halfPlaneData(), trainCount: 1024 };
  const settings = runSettings({ batchSize: 64 }); // 16 batches an epoch
  it.each([
    [10, 1, 10.04], // 160 ms epochs: one probe per 250 ms at most
    [50, 1, 50.0625], // 800 ms epochs: one probe per epoch
    [200, 1, 200.1], // 3.2 s epochs: one probe every 2 s
    [200, 100, 206.0606], // a slow probe keeps 33 times its duration apart
  ])('a %d ms step with a %d ms probe costs %d ms', (stepMs, probeMs, effective) => {
    expect(withProbes(stepMs, probeMs, data, settings)).toBeCloseTo(effective, 3);
  });
});
