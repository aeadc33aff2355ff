import { describe, expect, it } from 'vitest';
import { parseEvent, parseRequest } from './protocol';
import { backendOrder } from './backend-names';
import { halfPlaneData, runSettings, smallMlp } from './test-fixtures';

const start = () => ({
  type: 'start',
  runId: 1,
  backend: 'auto',
  spec: smallMlp(),
  data: halfPlaneData(32),
  settings: runSettings(),
  paused: false,
  probeInputs: null,
});

describe('worker protocol validation', () => {
  it('accepts well-formed requests', () => {
    expect(parseRequest({ type: 'init', backend: 'webgpu-first' })).toEqual({
      ok: true,
      value: { type: 'init', backend: 'webgpu-first' },
    });
    expect(parseRequest(start()).ok).toBe(true);
    expect(parseRequest({ type: 'step', runId: 3, unit: 'epoch' }).ok).toBe(true);
  });

  it.each([
    [null, 'Malformed request to the worker'],
    [{ type: 'nope' }, 'at type'],
    [{ type: 'init', backend: 'cuda' }, 'at backend'],
    [{ type: 'pause' }, 'at runId'],
    [{ type: 'pause', runId: 0 }, 'at runId'],
    [{ type: 'setLearningRate', runId: 1, learningRate: -1 }, 'at learningRate'],
    [{ type: 'step', runId: 1, unit: 'forever' }, 'at unit'],
    [{ ...start(), settings: { ...runSettings(), loss: 'auto' } }, 'at settings.loss'],
    [{ ...start(), settings: { ...runSettings(), batchSize: 0 } }, 'at settings.batchSize'],
    [
      { ...start(), spec: { layers: [{ id: 'a', kind: 'Nope', params: {} }] } },
      "unknown type 'Nope'",
    ],
    [{ ...start(), data: { ...halfPlaneData(32), x: [1, 2] } }, 'at data.x'],
    [{ ...start(), data: { ...halfPlaneData(32), xShape: [32, 3] } }, 'xShape [32, 3] needs 96'],
    [{ ...start(), data: { ...halfPlaneData(32), trainCount: 99 } }, 'at data.trainCount'],
  ])('rejects %j and says where', (msg, expected) => {
    const r = parseRequest(msg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(expected);
  });

  it('rejects malformed events from the worker', () => {
    const missing = parseEvent({ type: 'backend', report: { name: 'webgpu', skipped: [] } });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.reason).toContain('report.adapter');
    const progress = {
      epoch: 1,
      batch: 1,
      batchesPerEpoch: 2,
      totalEpochs: 1,
      samplesPerSec: 1,
      elapsedMs: 1,
      etaMs: null,
    };
    const nan = {
      type: 'batches',
      runId: 1,
      losses: [{ epoch: 1, batch: 1, loss: NaN }],
      progress,
    };
    expect(parseEvent(nan).ok).toBe(false);
    expect(parseEvent({ ...nan, losses: [{ epoch: 1, batch: 1, loss: 0.5 }] }).ok).toBe(true);
    expect(parseEvent({ type: 'done', runId: 1, outcome: 'exploded', message: null }).ok).toBe(
      false,
    );
  });
});

describe('backendOrder', () => {
  it('"WebGPU first" tries webgpu, then webgl, then cpu', () => {
    expect(backendOrder('webgpu-first')).toEqual(['webgpu', 'webgl', 'cpu']);
  });
  it('auto starts where small models train fastest, before it measures', () => {
    expect(backendOrder('auto')).toEqual(['wasm', 'cpu', 'webgl', 'webgpu']);
  });
  it('an explicit choice goes first and still falls back', () => {
    expect(backendOrder('wasm')).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    expect(backendOrder('webgl')).toEqual(['webgl', 'webgpu', 'cpu']);
  });
});
