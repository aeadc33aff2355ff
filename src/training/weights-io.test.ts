import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import { parseEvent, type WeightsReply, type WorkerEvent } from '../core/training/protocol';
import { halfPlaneData, runSettings, smallMlp } from '../core/training/test-fixtures';
import { createWeightsIO, tfjsFiles, WEIGHTS_FILE, type WeightsStore } from './weights-io';

/** IndexedDB stand-in: what tfjs would store, captured through a save handler. */
function memoryStore(): WeightsStore & { saved: Map<string, tf.io.ModelArtifacts> } {
  const saved = new Map<string, tf.io.ModelArtifacts>();
  return {
    saved,
    save: async (model, key) => {
      await model.save(
        tf.io.withSaveHandler(async (a) => {
          saved.set(key, a);
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
    },
    load: async (key) => saved.get(key) ?? null,
    remove: async (key) => void saved.delete(key),
  };
}

function harness() {
  const events: WorkerEvent[] = [];
  const store = memoryStore();
  const weights = createWeightsIO((e) => events.push(e), store);
  const engine = createEngine((e) => events.push(e), {
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    probeEveryMs: 1e9,
    weights,
  });
  const reply = async (id: number): Promise<WeightsReply> => {
    for (;;) {
      const r = events.find((e): e is WeightsReply => e.type === 'weights' && e.requestId === id);
      if (r) return r;
      await new Promise((res) => setTimeout(res, 5));
    }
  };
  const done = async (runId: number) => {
    while (!events.some((e) => e.type === 'done' && e.runId === runId))
      await new Promise((res) => setTimeout(res, 5));
  };
  return { engine, store, reply, done, events };
}

const start = (runId: number) => ({
  type: 'start' as const,
  runId,
  backend: 'cpu' as const,
  spec: smallMlp(),
  data: halfPlaneData(),
  settings: runSettings({ epochs: 1 }),
  paused: false,
  probeInputs: null,
});

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trained weights', () => {
  it('saves the model a run trained, and gives it back as tfjs files that load', async () => {
    const { engine, store, reply, done } = harness();
    engine.handle(start(1));
    await done(1);
    engine.handle({ type: 'saveWeights', requestId: 1, runId: 1, key: 'layerlab-a' });
    expect(await reply(1)).toMatchObject({ message: null });
    expect(store.saved.has('layerlab-a')).toBe(true);

    engine.handle({ type: 'exportWeights', requestId: 2, key: 'layerlab-a' });
    const files = (await reply(2)).files;
    if (!files) throw new Error('no files');
    // What the page receives passes the protocol's own check.
    expect(parseEvent({ type: 'weights', requestId: 2, message: null, files }).ok).toBe(true);
    const json = JSON.parse(files.modelJson) as tf.io.ModelJSON;
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0]?.paths).toEqual([`./${WEIGHTS_FILE}`]);
    // Dense 2→8 and 8→1, kernels and biases, float32.
    expect(files.weights.byteLength).toBe((2 * 8 + 8 + 8 * 1 + 1) * 4);
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0]?.weights ?? [],
        weightData: files.weights,
      }),
    );
    expect(model.countParams()).toBe(33);
    model.dispose();
  });

  it('refuses a run whose model is gone, and an export with nothing saved', async () => {
    const { engine, reply, done } = harness();
    engine.handle(start(1));
    await done(1);
    engine.handle({ type: 'saveWeights', requestId: 1, runId: 7, key: 'layerlab-a' });
    expect((await reply(1)).message).toBe('The model of run 7 is no longer in memory.');
    engine.handle({ type: 'exportWeights', requestId: 2, key: 'layerlab-b' });
    expect(await reply(2)).toMatchObject({
      message: 'No trained model is saved for this experiment: train it first.',
      files: null,
    });
  });

  it('deletes saved weights', async () => {
    const { engine, store, reply, done } = harness();
    engine.handle(start(1));
    await done(1);
    engine.handle({ type: 'saveWeights', requestId: 1, runId: 1, key: 'layerlab-a' });
    await reply(1);
    engine.handle({ type: 'deleteWeights', requestId: 2, key: 'layerlab-a' });
    expect((await reply(2)).message).toBeNull();
    expect(store.saved.size).toBe(0);
  });

  it('releases the previous model when a new run is kept', async () => {
    const { engine, done } = harness();
    engine.handle(start(1));
    await done(1);
    const after1 = tf.memory().numTensors;
    engine.handle(start(2));
    await done(2);
    expect(tf.memory().numTensors).toBe(after1);
  });

  it('writes model.json the way tfjs does', () => {
    const files = tfjsFiles({
      modelTopology: { class_name: 'Sequential' },
      weightSpecs: [{ name: 'w', shape: [1], dtype: 'float32' }],
      weightData: [new Float32Array([1]).buffer, new Float32Array([2]).buffer],
    });
    expect(files.weights.byteLength).toBe(8);
    expect(JSON.parse(files.modelJson)).toMatchObject({
      modelTopology: { class_name: 'Sequential' },
      format: 'layers-model',
      weightsManifest: [{ paths: ['./weights.bin'], weights: [{ name: 'w' }] }],
    });
  });
});
