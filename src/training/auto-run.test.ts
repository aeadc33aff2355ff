import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendName } from '../core/training/backend-names';
import type { OptimizerId } from '../core/training/settings';
import type { BenchmarkResult, WorkerEvent, WorkerRequest } from '../core/training/protocol';
import { halfPlaneData, runSettings, smallMlp } from '../core/training/test-fixtures';
import type { AutoHooks } from './auto-run';
import { machineId } from './backend-probes';
import { createEngine } from './engine';
import { runToEnd } from './engine-run';
import { prepareWasm } from './wasm-setup';

// In Node there is no WebGPU and no WebGL: Auto's candidates are the real wasm and cpu backends.
let tensorsAtStart = 0;
beforeAll(async () => {
  tf.env().set('PROD', true);
  const ready = await prepareWasm();
  if (!ready.ok) throw new Error(ready.reason);
  expect(await tf.setBackend('cpu')).toBe(true);
  tensorsAtStart = tf.memory().numTensors;
});
afterAll(() => expect(tf.memory().numTensors).toBe(tensorsAtStart));

/** The engine keeps each run's trained model for saving; these tests count tensors instead. */
const keepNothing = { keep: () => false, modelOf: () => null, handle: () => undefined };

type Start = Extract<WorkerRequest, { type: 'start' }>;

function request(backend: Start['backend'], optimizer: OptimizerId = 'adam'): Start {
  return {
    type: 'start',
    runId: 1,
    backend,
    spec: smallMlp(),
    data: halfPlaneData(192),
    settings: runSettings({ epochs: 4, batchSize: 16, optimizer }),
    paused: false,
    probeInputs: null,
  };
}

function train(req: Start, auto?: AutoHooks): Promise<WorkerEvent[]> {
  return runToEnd(req, { weights: keepNothing, ...(auto && { auto }) });
}

const of = <T extends WorkerEvent['type']>(events: WorkerEvent[], type: T) =>
  events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
const epochLosses = (events: WorkerEvent[]) => of(events, 'epoch').map((e) => e.result.loss);
const fixed =
  (rates: Partial<Record<BackendName, number>>) =>
  (name: BackendName): Promise<BenchmarkResult> =>
    Promise.resolve({ name, stepsPerSecond: rates[name] ?? null, warmupMs: 1, reason: null });
const always = { worthMeasuring: () => true };

describe('Auto', () => {
  it('starts at once on its guess and finishes a short run there without measuring', async () => {
    const events = await train(request('auto'));
    expect(of(events, 'done')[0]?.outcome).toBe('finished');
    expect(of(events, 'started')[0]?.backend).toBe('wasm');
    expect(of(events, 'benchmark')).toEqual([]);
    const report = of(events, 'backend')[0]?.report;
    expect(report?.why).toMatch(/Auto's first guess: small models train fastest on WASM/);
    expect(report?.skipped.map((s) => s.name)).toEqual(['webgl', 'webgpu']);
  });

  for (const optimizer of ['adam', 'sgd', 'rmsprop', 'adagrad', 'adamax'] as const) {
    it(`moves to a faster backend between epochs and the loss curve goes on unchanged (${optimizer})`, async () => {
      const moved = await train(request('auto', optimizer), {
        ...always,
        measure: fixed({ wasm: 100, cpu: 500 }),
      });
      const stayed = await train(request('wasm', optimizer));
      const onCpu = await train(request('cpu', optimizer));
      expect(of(moved, 'done')[0]?.outcome).toBe('finished');
      const picked = of(moved, 'benchmark').at(-1);
      expect(picked?.picked).toBe('cpu');
      expect(picked?.machine).toBe(await machineId());
      expect(of(moved, 'backend').at(-1)?.report.name).toBe('cpu');
      expect(of(moved, 'notice').map((n) => n.message)).toEqual([
        expect.stringMatching(/Auto moved the run from wasm to cpu/),
      ]);
      // Same seed, same weights and optimizer state carried over: the curve of a run that
      // never moved, to float32 rounding (wasm and cpu round differently).
      const losses = epochLosses(moved);
      expect(losses).toHaveLength(4);
      losses.forEach((l, i) => {
        expect(l).toBeCloseTo(epochLosses(stayed)[i] ?? NaN, 5);
        expect(l).toBeCloseTo(epochLosses(onCpu)[i] ?? NaN, 5);
      });
      // Nothing left behind on either backend.
      const counts = of(moved, 'epoch').map((e) => e.result.numTensors);
      expect(new Set(counts.slice(1)).size).toBe(1);
    });
  }

  it('measures the real backends on the model, keeps the result and does not measure again', async () => {
    const events: WorkerEvent[] = [];
    let finish: () => void = () => undefined;
    const engine = createEngine(
      (e) => {
        events.push(e);
        if (e.type === 'done') finish();
      },
      { yieldNow: () => Promise.resolve(), weights: keepNothing, auto: always },
    );
    let done = new Promise<void>((r) => (finish = r));
    engine.handle(request('auto'));
    await done;
    const final = of(events, 'benchmark').at(-1);
    expect(final?.total).toBe(2);
    expect(final?.results.map((r) => r.name)).toEqual(['wasm', 'cpu']);
    for (const r of final?.results ?? []) expect(r.stepsPerSecond).toBeGreaterThan(0);
    expect(final?.picked).toBe(
      (final?.results[0]?.stepsPerSecond ?? 0) * 1.1 > (final?.results[1]?.stepsPerSecond ?? 0)
        ? 'wasm'
        : 'cpu',
    );
    events.length = 0;
    done = new Promise<void>((r) => (finish = r));
    engine.handle({ ...request('auto'), runId: 2 });
    await done;
    expect(of(events, 'benchmark')).toEqual([]);
    expect(of(events, 'started')[0]?.backend).toBe(final?.picked);
    expect(of(events, 'backend')[0]?.report.why).toMatch(/on an earlier run/);
  });

  it('trusts speeds from an earlier visit only on the same browser and machine', async () => {
    const results = [
      { name: 'wasm' as const, stepsPerSecond: 10, warmupMs: 1, reason: null },
      { name: 'cpu' as const, stepsPerSecond: 90, warmupMs: 1, reason: null },
    ];
    const same = await train({
      ...request('auto'),
      knownSpeeds: { machine: await machineId(), results },
    });
    expect(of(same, 'started')[0]?.backend).toBe('cpu');
    const other = await train({
      ...request('auto'),
      knownSpeeds: { machine: 'another browser', results },
    });
    expect(of(other, 'started')[0]?.backend).toBe('wasm');
  });
});
