import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { measureBackend } from './benchmark';
import { halfPlaneData, runSettings, smallMlp } from './test-fixtures';

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
