import * as tf from '@tensorflow/tfjs';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { specFrom } from '../core/spec-from';
import { prepareWasm } from './wasm-setup';
import { createEngine } from './engine';
import type { WorkerEvent } from '../core/training/protocol';
import { runSettings } from '../core/training/test-fixtures';

/**
 * tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter, so Conv2D cannot train on it. Node cannot
 * run the real wasm backend here, so 'wasm' is stood in for by the CPU backend with exactly that
 * kernel missing: the engine must notice at the first step and move to the next backend.
 */
beforeAll(async () => {
  const warn = console.warn;
  console.warn = () => undefined; // tfjs warns once per kernel re-registered below
  await prepareWasm();
  await import('@tensorflow/tfjs-backend-wasm');
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', () => new MathBackendCPU());
  for (const k of tf.getKernelsForBackend('wasm')) tf.unregisterKernel(k.kernelName, 'wasm');
  for (const k of tf.getKernelsForBackend('cpu')) {
    tf.registerKernel({ ...k, backendName: 'wasm' });
  }
  tf.unregisterKernel('Conv2DBackpropFilter', 'wasm');
  console.warn = warn;
});

const digits = (n: number) => {
  const x = new Float32Array(n * 16).map((_, i) => (i % 7) / 7);
  const y = Float32Array.from({ length: n }, (_, i) => i % 2);
  return { x, xShape: [n, 4, 4, 1], y, yShape: [n, 1], trainCount: n - 8, numClasses: 2 };
};

describe('a backend without a kernel the model needs', () => {
  it('is skipped at the first step with the reason, and training restarts on the next', async () => {
    const events: WorkerEvent[] = [];
    let finish: () => void = () => undefined;
    const done = new Promise<void>((r) => (finish = r));
    const engine = createEngine(
      (e) => {
        events.push(e);
        if (e.type === 'done') finish();
      },
      { yieldNow: () => Promise.resolve() },
    );
    const spec = specFrom([
      ['Input', { shape: [4, 4, 1] }],
      ['Conv2D', { filters: 2, kernel_size: [3, 3], activation: 'relu' }],
      ['Flatten'],
      ['Dense', { units: 1, activation: 'sigmoid' }],
    ]);
    engine.handle({
      type: 'start',
      runId: 1,
      backend: 'wasm',
      spec,
      data: digits(40),
      settings: runSettings({ epochs: 1, batchSize: 8 }),
      paused: false,
      probeInputs: null,
    });
    await done;
    const started = events.filter((e) => e.type === 'started').map((e) => e.backend);
    // Node has neither WebGPU nor WebGL, so the next backend that starts is cpu.
    expect(started).toEqual(['wasm', 'cpu']);
    const reports = events.flatMap((e) => (e.type === 'backend' ? [e.report] : []));
    expect(reports.at(-1)?.skipped).toContainEqual({
      name: 'wasm',
      reason: "wasm has no 'Conv2DBackpropFilter' kernel, which this model needs to train",
    });
    expect(
      events.some((e) => e.type === 'notice' && e.message.includes('Conv2DBackpropFilter')),
    ).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', outcome: 'finished' });
  });
});
