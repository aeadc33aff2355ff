import { describe, expect, it } from 'vitest';
import { getDef } from '../../core/layers/catalog';
import { formatField, isTextField, parseField, rangeHint, type TextField } from './field-text';

function field(kind: Parameters<typeof getDef>[0], name: string): TextField {
  const f = getDef(kind).fields.find((x) => x.name === name);
  if (!f || !isTextField(f)) throw new Error(`${kind}.${name} is not a text field`);
  return f;
}

describe('parseField', () => {
  const units = field('Dense', 'units');
  const rate = field('Dropout', 'rate');
  const shape = field('Input', 'shape');
  const strides = field('MaxPooling1D', 'strides');
  const poolStrides = field('MaxPooling2D', 'strides');

  it('reads integers and refuses half-typed or fractional ones with the range sentence', () => {
    expect(parseField(units, ' 64 ')).toEqual({ ok: true, value: 64 });
    expect(parseField(units, '6.5')).toEqual({
      ok: false,
      reason: "units must be an integer between 1 and 4096 (got '6.5')",
    });
    expect(parseField(units, '').ok).toBe(false);
  });

  it('leaves the range to validateParams (0 parses, the schema refuses it)', () => {
    expect(parseField(units, '0')).toEqual({ ok: true, value: 0 });
  });

  it('reads floats, including exponents, and refuses text', () => {
    expect(parseField(rate, '0.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseField(rate, '.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseField(rate, '1e-3')).toEqual({ ok: true, value: 0.001 });
    expect(parseField(rate, '0.')).toEqual({ ok: true, value: 0 });
    expect(parseField(rate, 'abc').ok).toBe(false);
  });

  it('reads lists in Keras or plain form', () => {
    expect(parseField(shape, '32, 1')).toEqual({ ok: true, value: [32, 1] });
    expect(parseField(shape, '(28, 28, 1)')).toEqual({ ok: true, value: [28, 28, 1] });
    expect(parseField(shape, '(2,)')).toEqual({ ok: true, value: [2] });
    expect(parseField(shape, '[4 4]')).toEqual({ ok: true, value: [4, 4] });
    expect(parseField(shape, '32, x').ok).toBe(false);
    expect(parseField(shape, '').ok).toBe(false);
  });

  it('reads empty or None as None only where Keras allows it', () => {
    expect(parseField(strides, '')).toEqual({ ok: true, value: null });
    expect(parseField(strides, 'None')).toEqual({ ok: true, value: null });
    expect(parseField(poolStrides, 'none')).toEqual({ ok: true, value: null });
    expect(parseField(units, 'None').ok).toBe(false);
  });
});

describe('formatField and rangeHint', () => {
  it('round-trips values through the text form', () => {
    const shape = field('Input', 'shape');
    expect(formatField(shape, [32, 1])).toBe('32, 1');
    expect(parseField(shape, formatField(shape, [32, 1]))).toEqual({ ok: true, value: [32, 1] });
    expect(formatField(field('MaxPooling1D', 'strides'), null)).toBe('');
  });

  it('summarises the allowed range', () => {
    expect(rangeHint(field('Dense', 'units'))).toBe('1–4096');
    expect(rangeHint(field('Dropout', 'rate'))).toBe('0 ≤ x < 1');
    expect(rangeHint(field('MaxPooling1D', 'strides'))).toBe('1–64 or None');
    expect(rangeHint(field('Input', 'shape'))).toBe('1–3 × 1–65536');
  });
});
