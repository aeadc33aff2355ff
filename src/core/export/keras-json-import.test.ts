import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { counterIds, type ModelSpec } from '../model-spec';
import { inferShapes } from '../shapes';
import { MAX_LAYERS } from '../share/salvage-model';
import { fromModelJson, type ImportedModel } from './keras-json';
import { imageStack, sequenceStack } from './testing/all-kinds';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const ids = () => ({ makeId: counterIds() });
const imported = (json: unknown): ImportedModel => {
  const r = fromModelJson(json, ids());
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const reason = (json: unknown) => {
  const r = fromModelJson(json, ids());
  return r.ok ? 'imported' : r.reason;
};
const paramTotal = (spec: ModelSpec) =>
  inferShapes(spec).layers.reduce((n, l) => n + l.params.trainable + l.params.nonTrainable, 0);

/** A layer as Keras 2 and tfjs write it: no module, plain dtype. */
const k2 = (class_name: string, config: Record<string, unknown>) => ({ class_name, config });
const sequential = (layers: unknown[]) => ({
  class_name: 'Sequential',
  config: { name: 's', layers },
});

describe('fromModelJson on real Keras 3 files', () => {
  // Written by Keras 3.15 model.to_json(); Keras counted 776 and 55 parameters.
  it('imports every kind from a Keras 3 to_json() with nothing dropped', () => {
    const seq = imported(fixture('keras3-sequential-1d.json'));
    expect(seq.unknownLayers).toEqual([]);
    expect(seq.unsupported).toEqual([]);
    const expected = sequenceStack();
    // Keras's model differs from ours only in filters, pooling strides and the head's name.
    expected.layers[1] = {
      ...expected.layers[1],
      params: { ...expected.layers[1]?.params, filters: 8 },
    } as never;
    expected.layers[16] = {
      ...expected.layers[16],
      name: 'head',
      params: { units: 4, activation: 'relu', use_bias: true },
    } as never;
    expect(seq.spec).toEqual(expected);
    expect(paramTotal(seq.spec)).toBe(776);

    const img = imported(fixture('keras3-sequential-2d.json'));
    expect(img.unsupported).toEqual([]);
    expect(img.spec.layers.map((l) => l.name)).toEqual([
      'pixels',
      undefined,
      undefined,
      'reshape_1',
      undefined,
      undefined,
    ]);
    const conv = { ...imageStack().layers[1]?.params, activation: 'linear' };
    const params = imageStack().layers.map((l, i) => (i === 1 ? conv : l.params));
    expect(img.spec.layers.map((l) => l.params)).toEqual(params);
    expect(paramTotal(img.spec)).toBe(55);
  });
});

describe('fromModelJson on the other shapes of model.json', () => {
  const dense = k2('Dense', {
    name: 'hidden',
    trainable: true,
    batch_input_shape: [null, 4],
    dtype: 'float32',
    units: 8,
    activation: 'relu',
    use_bias: true,
    kernel_initializer: {
      class_name: 'VarianceScaling',
      config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null },
    },
    bias_initializer: { class_name: 'Zeros', config: {} },
    kernel_regularizer: null,
  });
  const out = k2('Dense', { name: 'dense_1', units: 3, activation: 'softmax', use_bias: true });
  const want = [
    { kind: 'Input', params: { shape: [4] } },
    { kind: 'Dense', name: 'hidden', params: { units: 8, activation: 'relu', use_bias: true } },
    { kind: 'Dense', name: 'dense_1', params: { units: 3, activation: 'softmax', use_bias: true } },
  ];
  const shape = (m: ImportedModel) => m.spec.layers.map(({ id: _id, ...rest }) => rest);

  it('reads a tfjs model.json, taking the input shape from the first layer', () => {
    const file = {
      format: 'layers-model',
      modelTopology: sequential([dense, out]),
      weightsManifest: [{ paths: ['w.bin'], weights: [] }],
    };
    const m = imported(file);
    expect(shape(m)).toEqual(want);
    expect(m.unsupported).toEqual([]);
  });

  it('reads a converter file (model_config), an old Keras list config and a JSON string', () => {
    expect(
      shape(
        imported({
          modelTopology: { keras_version: '2.15', model_config: sequential([dense, out]) },
        }),
      ),
    ).toEqual(want);
    expect(shape(imported({ class_name: 'Sequential', config: [dense, out] }))).toEqual(want);
    expect(shape(imported(JSON.stringify(sequential([dense, out]))))).toEqual(want);
  });

  it('reads Keras 3 names: batch_shape, negative_slope, DTypePolicy', () => {
    const m = imported(
      sequential([
        k2('InputLayer', { batch_shape: [null, 6], name: 'input_layer' }),
        k2('LeakyReLU', {
          negative_slope: 0.1,
          dtype: { class_name: 'DTypePolicy', config: { name: 'float32' } },
        }),
      ]),
    );
    expect(shape(m)).toEqual([
      { kind: 'Input', params: { shape: [6] } },
      { kind: 'LeakyReLU', params: { alpha: 0.1 } },
    ]);
    expect(m.unsupported).toEqual([]);
  });
});

describe('fromModelJson reports what it cannot keep', () => {
  it('lists unknown layer classes by position and name, and keeps the rest', () => {
    const m = imported(
      sequential([
        k2('InputLayer', { batch_input_shape: [null, 10] }),
        k2('Embedding', { name: 'embed', input_dim: 100, output_dim: 8 }),
        k2('Bidirectional', { name: 'bi', layer: {} }),
        k2('Dense', { name: 'out', units: 1 }),
        { config: {} },
      ]),
    );
    expect(m.unknownLayers).toEqual([
      `layer 2 "embed" (Embedding): Layerlab has no "Embedding" layer, so it was left out`,
      `layer 3 "bi" (Bidirectional): Layerlab has no "Bidirectional" layer, so it was left out`,
      'layer 5 (no class): Layerlab has no layer without a class_name, so it was left out',
    ]);
    expect(m.spec.layers.map((l) => l.kind)).toEqual(['Input', 'Dense']);
  });

  it('reports arguments it drops or replaces instead of losing them silently', () => {
    const m = imported(
      sequential([
        k2('InputLayer', { batch_input_shape: [null, 8, 2] }),
        k2('GRU', {
          name: 'g',
          units: 4,
          reset_after: true,
          kernel_regularizer: { class_name: 'L2', config: { l2: 0.01 } },
        }),
        k2('Conv1D', {
          name: 'c',
          filters: 2,
          kernel_size: 3,
          data_format: 'channels_first',
          activation: 'exponential',
        }),
        k2('Dense', {
          name: 'd',
          units: 99999,
          trainable: false,
          kernel_initializer: { class_name: 'HeNormal', config: {} },
        }),
      ]),
    );
    expect(m.unsupported).toEqual(
      [
        'layer 2 "g" (GRU): reset_after must be false: TensorFlow.js only supports the reset_after=False GRU; the default false was used',
        'layer 2 "g" (GRU): kernel_regularizer = {"class_name":"L2","config":{"l2":0.01}} is not supported in Layerlab, so it was dropped',
        expect.stringMatching(
          /^layer 3 "c" \(Conv1D\): activation must be one of .* \(got 'exponential'\); the default "linear" was used$/,
        ),
        'layer 3 "c" (Conv1D): data_format = "channels_first" is not supported in Layerlab, so it was dropped',
        'layer 4 "d" (Dense): units must be an integer between 1 and 4096 (got 99999); the default 32 was used',
        'layer 4 "d" (Dense): trainable = false is not supported in Layerlab, so it was dropped',
        'layer 4 "d" (Dense): kernel_initializer = {"class_name":"HeNormal","config":{}} is not supported in Layerlab, so it was dropped',
      ].map((s) => (typeof s === 'string' ? s.replace('= false is', '= false is') : s)),
    );
  });

  it('replaces a name Layerlab cannot use, and drops names it would give anyway', () => {
    const m = imported(
      sequential([
        k2('InputLayer', { batch_input_shape: [null, 2], name: 'input_layer' }),
        k2('Dense', { name: 'dense', units: 2 }),
        k2('Masking', { name: 'mask' }),
        k2('Dense', { name: 'block/dense', units: 2 }),
      ]),
    );
    expect(m.spec.layers.map((l) => l.name)).toEqual([undefined, undefined, undefined]);
    expect(m.unsupported).toEqual([
      `layer 4 "block/dense" (Dense): the name is not one Layerlab can use (a letter, then letters, digits, '_', '.' or '-', up to 64 characters), so it got an automatic one`,
    ]);
  });

  it.each([
    [
      { class_name: 'Functional', config: { layers: [] } },
      'This is a "Functional" model; Layerlab imports only Sequential models (one plain stack of layers).',
    ],
    [{ modelTopology: {} }, 'This is not a Keras or TensorFlow.js model: it has no class_name.'],
    [42, 'This is not a Keras or TensorFlow.js model: it has no class_name.'],
    ['{"class_name": ', 'The file cannot be read: it is not valid JSON.'],
    [sequential([]), 'This Sequential model has no layers to import.'],
    [sequential([k2('Dense', { units: 1 })]), 'The model does not say its input shape.'],
    [
      sequential([k2('InputLayer', { batch_input_shape: [null, null, 3] })]),
      'The input shape (None, None, 3) leaves a size open; Layerlab needs every size except the batch: fix the shape in Keras and export again.',
    ],
    [
      sequential(Array.from({ length: MAX_LAYERS + 1 }, () => k2('Flatten', {}))),
      `The model has ${MAX_LAYERS + 1} layers; Layerlab takes at most ${MAX_LAYERS}.`,
    ],
  ])('refuses what is not a Sequential stack, saying why (%#)', (json, why) => {
    expect(reason(json)).toBe(why);
  });

  it('never lets prototype keys from a file reach an object', () => {
    const text = JSON.stringify(
      sequential([k2('InputLayer', { batch_input_shape: [null, 2] }), k2('Dense', { units: 2 })]),
    ).replace(
      '"units":2',
      '"units":2,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}',
    );
    const m = imported(text);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(m.spec.layers[1]?.params).toEqual({ units: 2, activation: 'linear', use_bias: true });
    expect(Object.getPrototypeOf(m.spec.layers[1]?.params)).toBe(Object.prototype);
  });
});
