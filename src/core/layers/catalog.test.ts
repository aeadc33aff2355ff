import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS, ACTIVATIONS, getActivation } from '../activations';
import { LAYER_DEFS, LAYER_KINDS, getDef, isLayerKind, validateParams } from './catalog';

describe('the catalog', () => {
  it('has one def per kind, each with a unique Keras name prefix', () => {
    expect(new Set(LAYER_KINDS).size).toBe(LAYER_DEFS.length);
    expect(new Set(LAYER_DEFS.map((d) => d.namePrefix)).size).toBe(LAYER_DEFS.length);
    expect(LAYER_KINDS).toEqual(
      expect.arrayContaining(['Input', 'Dense', 'LSTM', 'GRU', 'Conv1D', 'MaxPooling2D', 'ELU']),
    );
  });

  it.each(LAYER_DEFS.map((d) => [d.kind, d] as const))(
    '%s defaults pass its own schema',
    (_, def) => {
      expect(def.schema.safeParse(def.defaults).success).toBe(true);
      expect(def.help.length).toBeGreaterThan(20);
      // every inspector field is a real param
      for (const f of def.fields) expect(Object.keys(def.defaults)).toContain(f.name);
    },
  );

  it('uses Keras snake_case defaults', () => {
    expect(getDef('Dense').defaults).toEqual({ units: 32, activation: 'linear', use_bias: true });
    expect(getDef('LSTM').defaults).toMatchObject({
      activation: 'tanh',
      recurrent_activation: 'sigmoid',
      return_sequences: false,
    });
    expect(getDef('GRU').defaults).toMatchObject({ reset_after: false });
    expect(getDef('BatchNormalization').defaults).toEqual({
      momentum: 0.99,
      epsilon: 0.001,
      center: true,
      scale: true,
    });
    expect(getDef('LeakyReLU').defaults).toEqual({ alpha: 0.3 });
    expect(getDef('MaxPooling1D').defaults).toEqual({
      pool_size: 2,
      strides: null,
      padding: 'valid',
    });
  });

  it('hides fixed params from the inspector', () => {
    expect(getDef('GRU').fields.map((f) => f.name)).not.toContain('reset_after');
    expect(getDef('ELU').fields).toEqual([]);
  });

  it('tells kinds from other strings', () => {
    expect(isLayerKind('Dense')).toBe(true);
    expect(isLayerKind('Embedding')).toBe(false);
  });
});

describe('validateParams', () => {
  const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);

  it('accepts valid params and names the field and range otherwise', () => {
    expect(validateParams('Dense', { units: 8, activation: 'relu', use_bias: false }).ok).toBe(
      true,
    );
    expect(reason(validateParams('Dense', { units: 0, activation: 'relu', use_bias: true }))).toBe(
      'units must be an integer between 1 and 4096 (got 0)',
    );
    expect(
      reason(validateParams('Dense', { units: 2.5, activation: 'relu', use_bias: true })),
    ).toBe('units must be an integer between 1 and 4096 (got 2.5)');
    expect(
      reason(validateParams('Dense', { units: 8, activation: 'exponential', use_bias: true })),
    ).toMatch(/^activation must be one of 'linear', 'relu', .* \(got 'exponential'\)$/);
  });

  it('describes exclusive and nullable ranges and lists', () => {
    expect(reason(validateParams('Dropout', { rate: 1 }))).toBe(
      'rate must be a number from 0 up to (not including) 1 (got 1)',
    );
    expect(
      reason(validateParams('MaxPooling1D', { pool_size: 2, strides: 0, padding: 'valid' })),
    ).toBe('strides must be an integer between 1 and 64, or None for same as pool_size (got 0)');
    expect(
      validateParams('MaxPooling1D', { pool_size: 2, strides: null, padding: 'same' }).ok,
    ).toBe(true);
    const conv = { ...getDef('Conv2D').defaults, kernel_size: [3] };
    expect(reason(validateParams('Conv2D', conv))).toBe(
      'kernel_size must be a list of 2 integers, each between 1 and 64 (got (3))',
    );
    expect(reason(validateParams('Input', { shape: [] }))).toBe(
      'shape must be a list of 1 to 3 integers, each between 1 and 65536 (got ())',
    );
    expect(reason(validateParams('Dense', { activation: 'relu', use_bias: true }))).toBe(
      'units must be an integer between 1 and 4096 (got nothing)',
    );
  });

  it('explains fixed params that tfjs cannot change', () => {
    const gru = { ...getDef('GRU').defaults, reset_after: true };
    expect(reason(validateParams('GRU', gru))).toBe(
      'reset_after must be false: TensorFlow.js only supports the reset_after=False GRU',
    );
  });
});

describe('activations', () => {
  it('lists only identifiers tfjs 4.22 supports, each with formula and help', () => {
    expect(ACTIVATION_IDS).toEqual([
      'linear',
      'relu',
      'relu6',
      'elu',
      'selu',
      'sigmoid',
      'hard_sigmoid',
      'tanh',
      'softmax',
      'softplus',
      'softsign',
      'swish',
      'mish',
      'gelu',
    ]);
    for (const a of ACTIVATIONS) expect(a.formula).toMatch(/^f\(x\)/);
    expect(getActivation('relu').formula).toBe('f(x) = max(0, x)');
  });
});
