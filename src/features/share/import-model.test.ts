import { describe, expect, it } from 'vitest';
import { toKerasModelJson } from '../../core/export/keras-json';
import { templateSpec } from '../../core/templates';
import { layerNames } from '../../core/model-spec';
import { MAX_MODEL_JSON_BYTES, readModelFiles, type FileLike } from './import-model';

const file = (name: string, text: string, size = text.length): FileLike => ({
  name,
  size,
  text: async () => text,
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
    expect(r.notes).toEqual([
      'weights: Layerlab imports the architecture only and trains from new weights',
    ]);
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
