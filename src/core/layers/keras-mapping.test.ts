import { describe, expect, it } from 'vitest';
import { LAYER_DEFS } from './catalog';
import type { LayerDef } from './types';

const defs = LAYER_DEFS.map((d) => [d.kind, d as LayerDef] as const);

/** A param's name as Keras writes it, where a version renamed it. */
const kerasNames = (def: LayerDef, param: string) => [param, def.keras.aliases?.[param]];

describe('each kind in the catalog', () => {
  it.each(defs)('%s writes every param into its Keras Python call', (_, def) => {
    const args = def.keras.args(def.defaults);
    const names = args.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    for (const param of Object.keys(def.defaults)) {
      expect(
        names.some((n) => kerasNames(def, param).includes(n)),
        param,
      ).toBe(true);
    }
    for (const [, source] of args) expect(source).not.toBe('');
  });

  it.each(defs.filter(([kind]) => kind !== 'Input'))(
    '%s writes every param into its Keras JSON config',
    (_, def) => {
      const config = def.keras.config(def.defaults);
      expect(JSON.parse(JSON.stringify(config))).toEqual(config);
      for (const param of Object.keys(def.defaults)) {
        expect(Object.keys(config), param).toContain(param);
      }
    },
  );

  it('Input writes its shape as the batch shape Keras reads', () => {
    const def = LAYER_DEFS[0] as LayerDef<'Input', { shape: number[] }>;
    expect(def.keras.config({ shape: [8, 2] })).toMatchObject({ batch_input_shape: [null, 8, 2] });
  });

  it.each(defs.filter(([, d]) => d.pooling !== undefined))(
    '%s, a pooling layer, keeps the value range the layer before produced',
    (_, def) => {
      expect(def.keepsValueRange).toBe(true);
      expect(def.paramCount([null, 4, 4, 2], def.defaults)).toEqual({
        trainable: 0,
        nonTrainable: 0,
      });
    },
  );

  it.each(defs.filter(([, d]) => d.recurrent))(
    '%s, a recurrent layer, can return sequences',
    (_, def) => {
      expect(Object.keys(def.defaults)).toContain('return_sequences');
    },
  );

  it('flags the kinds the probes and the shape checker ask about', () => {
    const flagged = (f: (d: LayerDef) => unknown) =>
      defs.filter(([, d]) => f(d)).map(([kind]) => kind);
    expect(flagged((d) => d.pooling)).toEqual([
      'MaxPooling1D',
      'AveragePooling1D',
      'MaxPooling2D',
      'GlobalAveragePooling1D',
      'GlobalMaxPooling1D',
    ]);
    expect(flagged((d) => d.keepsValueRange && !d.pooling)).toEqual([
      'Flatten',
      'Reshape',
      'Dropout',
    ]);
    expect(flagged((d) => d.recurrent)).toEqual(['SimpleRNN', 'LSTM', 'GRU']);
  });
});
