/**
 * Proves the Keras JSON import and export against real tfjs: model.toJSON() of a model built by
 * buildModel imports to the same stack, and toKerasModelJson loads in tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromModelJson, toKerasModelJson } from '../core/export/keras-json';
import { imageStack, sequenceStack } from '../core/export/testing/all-kinds';
import { counterIds, type ModelSpec } from '../core/model-spec';
import { defaultModel } from '../core/share/experiment';
import { inferShapes } from '../core/shapes';
import { buildModel } from './build-model';

const totalParams = (spec: ModelSpec) =>
  inferShapes(spec).layers.reduce((n, l) => n + l.params.trainable + l.params.nonTrainable, 0);

const stacks: [string, () => ModelSpec][] = [
  ['default MLP', defaultModel],
  ['sequence (every 1-D kind)', sequenceStack],
  ['image (2-D kinds)', imageStack],
];

/**
 * tfjs's own Conv1D mis-sizes causal and dilated convolutions (build-model.ts pads them itself),
 * so a model tfjs builds straight from JSON uses a plain Conv1D to compare shapes and counts.
 */
function plainConv(spec: ModelSpec): ModelSpec {
  const layers = spec.layers.map((l) =>
    l.kind === 'Conv1D'
      ? { ...l, params: { ...l.params, padding: 'same' as const, dilation_rate: 1 } }
      : l,
  );
  return { layers };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Keras JSON against tfjs', () => {
  it.each(stacks)('imports tfjs model.toJSON() of the %s stack as the same spec', (_, make) => {
    const spec = make();
    const model = buildModel(spec, { seed: 1 });
    try {
      const json = model.toJSON(null, false);
      const back = fromModelJson(json, { makeId: counterIds() });
      expect(back).toEqual({ ok: true, value: { spec, unknownLayers: [], unsupported: [] } });
      // The same, read from a model.json file as tfjs saves it.
      const file = JSON.stringify({ format: 'layers-model', modelTopology: json });
      expect(fromModelJson(file, { makeId: counterIds() })).toEqual(back);
    } finally {
      model.dispose();
    }
  });

  it.each(stacks)('builds the %s stack in tfjs from toKerasModelJson', async (_, make) => {
    const spec = plainConv(make());
    const model = await tf.models.modelFromJSON({ modelTopology: toKerasModelJson(spec) as never });
    try {
      expect(model.countParams()).toBe(totalParams(spec));
      expect(model.layers.map((l) => l.name)).toEqual(inferShapes(spec).layers.map((l) => l.name));
      const back = fromModelJson(model.toJSON(null, false), { makeId: counterIds() });
      expect(back).toEqual({ ok: true, value: { spec, unknownLayers: [], unsupported: [] } });
    } finally {
      model.dispose();
    }
  });
});
