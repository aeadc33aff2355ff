import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../model-spec';
import { defaultModel } from './experiment';
import { salvageModel } from './salvage-model';

const input = { id: 'a', kind: 'Input', params: { shape: [2] } };
const dense = (id: string, params: unknown) => ({ id, kind: 'Dense', params });

describe('salvageModel', () => {
  it('keeps a layer with one bad argument, its other arguments and every other layer', () => {
    const { value, ignored } = salvageModel({
      layers: [
        input,
        dense('b', { units: -5, activation: 'relu', use_bias: false }),
        dense('c', { units: 1, activation: 'sigmoid', use_bias: true }),
      ],
    });
    expect(value.layers.map((l) => [l.id, l.kind, l.params])).toEqual([
      ['a', 'Input', { shape: [2] }],
      ['b', 'Dense', { units: 32, activation: 'relu', use_bias: false }],
      ['c', 'Dense', { units: 1, activation: 'sigmoid', use_bias: true }],
    ]);
    expect(ignored).toEqual([
      'model: layer 2 (Dense): units must be an integer between 1 and 4096 (got -5); the default 32 was used',
    ]);
  });

  it('names every bad argument, ignores unknown ones and fills missing ones silently', () => {
    const { value, ignored } = salvageModel({
      layers: [
        input,
        dense('b', { units: 'many', activation: 'zigzag', bias: true }),
        { id: 'c', kind: 'ELU', params: { alpha: 2 } },
        { id: 'd', kind: 'Dropout', params: 0.5 },
      ],
    });
    expect(value.layers.map((l) => l.params)).toEqual([
      { shape: [2] },
      { units: 32, activation: 'linear', use_bias: true },
      { alpha: 1 },
      { rate: 0.5 },
    ]);
    expect(ignored).toEqual([
      'model: layer 2 (Dense): bias is not an argument of Dense, so it was ignored',
      "model: layer 2 (Dense): units must be an integer between 1 and 4096 (got 'many'); the default 32 was used",
      expect.stringMatching(
        /^model: layer 2 \(Dense\): activation must be one of .* \(got 'zigzag'\); the default "linear" was used$/,
      ),
      'model: layer 3 (ELU): alpha must be 1.0: the TensorFlow.js ELU layer supports no other value (got 2); the default 1 was used',
      'model: layer 4 (Dropout): its arguments are not a group of settings (got 0.5); the defaults were used',
    ]);
  });

  it('leaves out only a layer whose kind is unknown, naming it by its place in the link', () => {
    const { value, ignored } = salvageModel({
      layers: [
        input,
        { id: 'x', kind: 'Teleport', params: {} },
        'dense',
        { id: 'y' },
        { ...dense('b', { units: 4 }), name: 'x y' },
      ],
    });
    expect(value.layers.map((l) => l.id)).toEqual(['a', 'b']);
    expect(ignored).toEqual([
      'model: layer 2: the type "Teleport" is not one Layerlab knows, so the layer was left out',
      'model: layer 3: not a layer (got "dense"); it was left out',
      'model: layer 4: it has no type, so the layer was left out',
      expect.stringMatching(/^model: layer 5 \(Dense\): the name "x y" was not used/),
    ]);
  });

  it('gives missing and repeated ids fresh ones, so the result is a valid model', () => {
    const { value, ignored } = salvageModel({
      layers: [input, dense('a', {}), { kind: 'Dense', params: {}, name: 7 }, dense('link-1', {})],
    });
    const ids = value.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids[3]).toBe('link-1');
    expect(parseModelSpec(value)).toEqual({ ok: true, value });
    expect(ignored).toEqual([
      'model: layer 3 (Dense): the name 7 is not text; it got its automatic name',
    ]);
  });

  it('keeps the default model when there is no list of layers', () => {
    expect(salvageModel({ layers: 'dense' })).toEqual({
      value: defaultModel(),
      ignored: [
        'model: this is not a Layerlab model: it has no list of layers; the default model was kept',
      ],
    });
    expect(salvageModel(undefined)).toEqual({ value: defaultModel(), ignored: [] });
  });
});
