import { describe, expect, it } from 'vitest';
import { toKerasModelJson } from '../../core/export/keras-json';
import { templateSpec } from '../../core/templates';
import { layerNames } from '../../core/model-spec';
import { MAX_MODEL_JSON_BYTES, readModelFiles, type FileLike } from './import-model';

const file = (name: string, text: string, size = text.length): FileLike => ({
  name,
  size,
  text: async () => text,
  arrayBuffer: async () => new TextEncoder().encode(text).buffer,
});

const binFile = (name: string, values: number[]): FileLike => {
  const bytes = new Float32Array(values).buffer;
  return { name, size: bytes.byteLength, text: async () => '', arrayBuffer: async () => bytes };
};

/** A tfjs model.json for Dense(2) on 3 inputs: kernel [3, 2] and bias [2], 8 values. */
const tinyModel = (
  weights: unknown[] = [
    { name: 'dense/kernel', shape: [3, 2], dtype: 'float32' },
    { name: 'dense/bias', shape: [2], dtype: 'float32' },
  ],
) =>
  JSON.stringify({
    format: 'layers-model',
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'sequential',
        layers: [
          {
            class_name: 'Dense',
            config: { name: 'dense', units: 2, batch_input_shape: [null, 3] },
          },
        ],
      },
    },
    weightsManifest: [{ paths: ['./weights.bin'], weights }],
  });

describe('reading model files', () => {
  it('reads a Keras JSON config as the same stack', async () => {
    const spec = templateSpec('mlp');
    const r = await readModelFiles([file('model.json', JSON.stringify(toKerasModelJson(spec)))]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.spec.layers.map((l) => [l.kind, l.params])).toEqual(
      spec.layers.map((l) => [l.kind, l.params]),
    );
    expect(layerNames(r.spec)).toEqual(layerNames(spec));
    expect(r.unknownLayers).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it('lists layers Layerlab lacks, and says weights are not loaded', async () => {
    const json = toKerasModelJson(templateSpec('mlp'));
    json.config.layers.splice(2, 0, {
      module: 'keras.layers',
      class_name: 'Embedding',
      config: { name: '<img src=x onerror=alert(1)>' },
      registered_name: null,
    });
    const r = await readModelFiles([
      file('weights.bin', ''),
      file('model.json', JSON.stringify(json)),
    ]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.unknownLayers).toEqual([
      'layer 3 "<img src=x onerror=alert(1)>" (Embedding): Layerlab has no "Embedding" layer, so it was left out',
    ]);
    expect(r.weights).toBeNull();
    expect(r.notes).toEqual([
      'weights: the model file lists no weights for the .bin file, so training starts from new weights',
    ]);
  });

  it('reads the trained weights from the .bin file, in manifest order', async () => {
    const values = [1, 2, 3, 4, 5, 6, 0.5, -0.5];
    const r = await readModelFiles([
      file('model.json', tinyModel()),
      binFile('weights (1).bin', values),
    ]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.notes).toEqual([]);
    expect(r.weights?.source).toBe("'weights (1).bin'");
    expect(r.weights?.specs.map((s) => s.shape)).toEqual([[3, 2], [2]]);
    expect(Array.from(new Float32Array(r.weights?.data ?? new ArrayBuffer(0)))).toEqual(values);
  });

  it.each([
    [[], /^weights: choose the \.bin file together with the model file/],
    [[binFile('weights.bin', [1, 2, 3])], /holds 12 bytes, but the manifest describes 8 float32/],
  ])('keeps the architecture and says why weights were not read', async (bins, note) => {
    const r = await readModelFiles([file('model.json', tinyModel()), ...bins]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.spec.layers.map((l) => l.kind)).toEqual(['Input', 'Dense']);
    expect(r.weights).toBeNull();
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(note);
    expect(r.notes[0]).toMatch(/so training starts from new weights$/);
  });

  it('refuses weights that do not add up to the model, and quantized ones', async () => {
    const wrong = await readModelFiles([
      file('model.json', tinyModel([{ name: 'k', shape: [3, 3], dtype: 'float32' }])),
      binFile('weights.bin', new Array<number>(9).fill(0)),
    ]);
    if (!wrong.ok) throw new Error(wrong.reason);
    expect(wrong.notes[0]).toMatch(/has 9 weight values, but the imported model has 8 parameters/);
    const quantized = await readModelFiles([
      file(
        'model.json',
        tinyModel([{ name: 'k', shape: [8], dtype: 'float32', quantization: { dtype: 'uint8' } }]),
      ),
      binFile('weights.bin', new Array<number>(8).fill(0)),
    ]);
    if (!quantized.ok) throw new Error(quantized.reason);
    expect(quantized.notes[0]).toMatch(/weight 'k' is quantized/);
  });

  it.each([
    [[file('data.csv', 'a,b')], /^Choose a model\.json file/],
    [[file('model.json', '{')], /^'model\.json': The file cannot be read: it is not valid JSON/],
    [[file('model.json', '{"class_name":"Functional","config":{}}')], /only Sequential models/],
    [[file('big.json', '{}', MAX_MODEL_JSON_BYTES + 1)], /^'big\.json' is 5\.0 MB/],
  ])('refuses what is not a model, saying why', async (files, reason) => {
    const r = await readModelFiles(files);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
