import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYER_DEFS, type LayerSpec } from '../layers/catalog';
import type { LayerDef } from '../layers/types';
import { counterIds, createLayer, layerNames, type ModelSpec } from '../model-spec';
import { modelArb, paramsArb } from '../share/testing/arbitraries';
import { fromModelJson, toKerasModelJson } from './keras-json';
import { imageStack, sequenceStack } from './testing/all-kinds';

const ids = () => ({ makeId: counterIds() });
const roundTrip = (spec: ModelSpec) => fromModelJson(toKerasModelJson(spec), ids());

/** Keras writes strides=None as pool_size, and a name equal to the automatic one is no name. */
function canonical(spec: ModelSpec) {
  const names = layerNames(spec);
  return spec.layers.map((l, i) => {
    const p = { ...l.params } as Record<string, unknown>;
    if ('pool_size' in p && JSON.stringify(p['strides']) === JSON.stringify(p['pool_size'])) {
      p['strides'] = null;
    }
    return { kind: l.kind, params: p, name: names[i] };
  });
}

describe('toKerasModelJson', () => {
  it('writes a Sequential config as Keras and tfjs serialise it', () => {
    const json = toKerasModelJson(sequenceStack());
    expect(json).toMatchObject({
      module: 'keras',
      class_name: 'Sequential',
      registered_name: null,
    });
    expect(json.config.name).toBe('layerlab_model');
    const [input, conv, maxPool, avgPool, lstm, gru] = json.config.layers;
    expect(input).toEqual({
      module: 'keras.layers',
      class_name: 'InputLayer',
      config: {
        name: 'input_layer',
        batch_input_shape: [null, 16, 1],
        dtype: 'float32',
        sparse: false,
      },
      registered_name: null,
    });
    expect(conv?.config).toEqual({
      name: 'conv1d',
      trainable: true,
      dtype: 'float32',
      filters: 4,
      kernel_size: [3],
      strides: [1],
      padding: 'causal',
      dilation_rate: [2],
      activation: 'relu',
      use_bias: true,
      data_format: 'channels_last',
    });
    expect(maxPool?.config).toMatchObject({ pool_size: [2], strides: [1], padding: 'same' });
    expect(avgPool?.config).toMatchObject({ pool_size: [3], strides: null, padding: 'valid' });
    expect(lstm?.config).toMatchObject({
      units: 6,
      return_sequences: true,
      recurrent_dropout: 0.1,
    });
    expect(gru?.config).toMatchObject({ reset_after: false, activation: 'softsign' });
    const byClass = Object.fromEntries(json.config.layers.map((l) => [l.class_name, l.config]));
    expect(byClass['LeakyReLU']).toMatchObject({ alpha: 0.2 });
    expect(byClass['BatchNormalization']).toMatchObject({ axis: -1, momentum: 0.9, center: false });
    expect(byClass['Reshape']).toMatchObject({ target_shape: [2, 4] });
    expect(byClass['ELU']).toMatchObject({ alpha: 1 });
  });

  it('uses each kind’s Keras class name', () => {
    const spec: ModelSpec = { layers: LAYER_DEFS.map((d) => createLayer(d.kind, d.kind)) };
    const classes = toKerasModelJson(spec).config.layers.map((l) => l.class_name);
    expect(classes).toEqual(LAYER_DEFS.map((d) => d.kerasClass));
  });
});

describe('fromModelJson(toKerasModelJson(spec))', () => {
  it.each(LAYER_DEFS.map((d) => [d.kind, d as LayerDef] as const))(
    'gives back a %s layer with random params',
    (_, def) => {
      fc.assert(
        fc.property(paramsArb(def), (params) => {
          const layer = { id: 'layer-2', kind: def.kind, params } as LayerSpec;
          const spec: ModelSpec = { layers: [createLayer('Input', 'layer-1'), layer] };
          const back = roundTrip(spec);
          expect(back.ok && back.value.unknownLayers.concat(back.value.unsupported)).toEqual([]);
          expect(back.ok && canonical(back.value.spec)).toEqual(canonical(spec));
        }),
        { numRuns: 25 },
      );
    },
  );

  it('gives back random stacks, names included', () => {
    const withInput = modelArb({ maxLayers: 10 }).map((m) => ({
      layers: [createLayer('Input', 'in'), ...m.layers],
    }));
    fc.assert(
      fc.property(withInput, (spec) => {
        const back = roundTrip(spec);
        if (!back.ok) throw new Error(back.reason);
        expect(canonical(back.value.spec)).toEqual(canonical(spec));
      }),
      { numRuns: 200 },
    );
  });

  it('gives back the all-kinds stacks exactly, ids aside', () => {
    for (const spec of [sequenceStack(), imageStack()]) {
      expect(roundTrip(spec)).toEqual({
        ok: true,
        value: { spec, unknownLayers: [], unsupported: [] },
      });
    }
  });
});
