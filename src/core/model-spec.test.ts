import { describe, expect, it } from 'vitest';
import { getDef } from './layers/catalog';
import {
  counterIds,
  createLayer,
  duplicateLayer,
  insertLayer,
  layerNames,
  moveLayer,
  parseModelSpec,
  randomId,
  removeLayer,
  renameLayer,
  updateParams,
  validateLayerName,
  type ModelSpec,
} from './model-spec';
import { specFrom } from './spec-from';

const ids = (s: ModelSpec) => s.layers.map((l) => l.id);
const base = () => specFrom([['Input', { shape: [8] }], ['Dense'], ['Dense', { units: 1 }]]);

describe('createLayer', () => {
  it('copies the Keras defaults so edits never reach the catalog', () => {
    const a = createLayer('Input', 'a');
    expect(a).toEqual({ id: 'a', kind: 'Input', params: { shape: [32, 1] } });
    a.params.shape.push(9);
    expect(getDef('Input').defaults.shape).toEqual([32, 1]);
  });

  it('makes ids deterministically when given a generator, randomly otherwise', () => {
    const next = counterIds('n');
    expect([next(), next()]).toEqual(['n-1', 'n-2']);
    expect(createLayer('Dense').id).not.toBe(createLayer('Dense').id);
    expect(randomId()).toMatch(/^l-[0-9a-f]{8}$/);
  });
});

describe('edits', () => {
  it('insert, move and remove return new specs and leave the old one alone', () => {
    const spec = base();
    const before = structuredClone(spec);
    const inserted = insertLayer(spec, createLayer('Dropout', 'd'), 2);
    expect(ids(inserted)).toEqual(['layer-1', 'layer-2', 'd', 'layer-3']);
    expect(ids(insertLayer(spec, createLayer('Dropout', 'd'), 99))).toEqual([...ids(spec), 'd']);
    expect(ids(moveLayer(inserted, 2, 1))).toEqual(['layer-1', 'd', 'layer-2', 'layer-3']);
    expect(ids(moveLayer(inserted, 1, 10))).toEqual(['layer-1', 'd', 'layer-3', 'layer-2']);
    expect(ids(removeLayer(inserted, 'layer-2'))).toEqual(['layer-1', 'd', 'layer-3']);
    expect(spec).toEqual(before);
  });

  it('returns the same spec for stale ids and indices', () => {
    const spec = base();
    expect(moveLayer(spec, 7, 0)).toBe(spec);
    expect(removeLayer(spec, 'nope')).toBe(spec);
    expect(duplicateLayer(spec, 'nope')).toBe(spec);
    expect(updateParams(spec, 'nope', { units: 3 })).toBe(spec);
  });

  it('duplicates after the original with a new id and deep-copied params', () => {
    const spec = renameLayer(base(), 'layer-2', 'hidden');
    const dup = duplicateLayer(spec, 'layer-2', () => 'copy');
    expect(ids(dup)).toEqual(['layer-1', 'layer-2', 'copy', 'layer-3']);
    expect(dup.layers[2]).toEqual({ id: 'copy', kind: 'Dense', params: spec.layers[1]?.params });
    expect(dup.layers[2]?.params).not.toBe(spec.layers[1]?.params);
  });

  it('merges param patches and renames', () => {
    const spec = updateParams(base(), 'layer-2', { units: 64, activation: 'relu' });
    expect(spec.layers[1]?.params).toEqual({ units: 64, activation: 'relu', use_bias: true });
    const named = renameLayer(spec, 'layer-2', '  hidden ');
    expect(named.layers[1]?.name).toBe('hidden');
    expect(renameLayer(named, 'layer-2', '').layers[1]).not.toHaveProperty('name');
  });
});

describe('layer names', () => {
  it('counts per Keras prefix like Keras does', () => {
    const spec = specFrom([
      ['Input', { shape: [8, 2] }],
      ['LSTM', { return_sequences: true }],
      ['LSTM'],
      ['Dense'],
      ['Dense'],
      ['MaxPooling1D'],
    ]);
    expect(layerNames(spec)).toEqual([
      'input_layer',
      'lstm',
      'lstm_1',
      'dense',
      'dense_1',
      'max_pooling1d',
    ]);
  });

  it('skips automatic names that a custom name already took', () => {
    const spec = renameLayer(base(), 'layer-3', 'dense');
    expect(layerNames(spec)).toEqual(['input_layer', 'dense_1', 'dense']);
  });

  it('validates custom names', () => {
    const spec = base();
    expect(validateLayerName(spec, 'layer-2', ' encoder ')).toEqual({ ok: true, value: 'encoder' });
    expect(validateLayerName(spec, 'layer-2', 'dense')).toEqual({ ok: true, value: 'dense' });
    expect(validateLayerName(spec, 'layer-3', 'dense')).toEqual({
      ok: false,
      reason: "Another layer is already called 'dense': pick a different name.",
    });
    const bad = validateLayerName(spec, 'layer-2', 'my layer');
    expect(bad.ok ? '' : bad.reason).toMatch(/start with a letter .* \(got 'my layer'\)/);
  });

  it('takes an empty name as the automatic one, and refuses what Keras scopes or cannot read', () => {
    const spec = base();
    expect(validateLayerName(spec, 'layer-2', '   ')).toEqual({ ok: true, value: '' });
    expect(validateLayerName(spec, 'layer-2', `a${'b'.repeat(63)}`).ok).toBe(true);
    for (const name of [`a${'b'.repeat(64)}`, '1st', '_x', 'block/dense', 'dé']) {
      const r = validateLayerName(spec, 'layer-2', name);
      expect(r.ok ? name : r.reason).toContain('start with a letter');
    }
    // Another layer's automatic name is taken too: Keras would see two layers called dense_1.
    const clash = validateLayerName(spec, 'layer-2', 'dense_1');
    expect(clash.ok ? '' : clash.reason).toBe(
      "Another layer is already called 'dense_1': pick a different name.",
    );
  });
});

describe('parseModelSpec', () => {
  it('round-trips a valid spec', () => {
    const spec = renameLayer(base(), 'layer-2', 'hidden');
    expect(parseModelSpec(JSON.parse(JSON.stringify(spec)))).toEqual({ ok: true, value: spec });
  });

  it('names the layer that is wrong', () => {
    const bad = (input: unknown) => {
      const r = parseModelSpec(input);
      return r.ok ? 'ok' : r.reason;
    };
    expect(bad({})).toBe('This is not a Layerlab model: it has no list of layers.');
    expect(bad({ layers: [{ id: 'a', kind: 'Embedding', params: {} }] })).toBe(
      "Layer 1 has an unknown type 'Embedding'.",
    );
    const spec = updateParams(base(), 'layer-3', { units: -1 });
    expect(bad(spec)).toBe(
      'Layer 3 (Dense): units must be an integer between 1 and 4096 (got -1).',
    );
    const twice = { layers: [...base().layers, base().layers[1]] };
    expect(bad(twice)).toBe("Layer 4 repeats the id 'layer-2'.");
  });
});
