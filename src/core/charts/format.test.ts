import { describe, expect, it } from 'vitest';
import { formatExact, formatFigure } from './format';

/** Significant digits in a figure as shown: zeros that only place the point do not count. */
const significant = (text: string) =>
  text
    .replace(/^-/, '')
    .replace(/e[-+]\d+$/, '')
    .replace('.', '')
    .replace(/^0+|0+$/g, '').length;

describe('formatFigure', () => {
  it('shows four significant digits at most, without trailing zeros', () => {
    expect(formatFigure(399.993)).toBe('400');
    expect(formatFigure(0.783897)).toBe('0.7839');
    expect(formatFigure(0.693147)).toBe('0.6931');
    expect(formatFigure(0.5)).toBe('0.5');
    expect(formatFigure(-12.34567)).toBe('-12.35');
    expect(formatFigure(1234.5)).toBe('1235');
    expect(formatFigure(0)).toBe('0');
  });

  it('switches to exponent form for tiny and huge values', () => {
    expect(formatFigure(0.00001234)).toBe('1.234e-5');
    expect(formatFigure(0.0000123)).toBe('1.23e-5');
    expect(formatFigure(2_000_000)).toBe('2e+6');
    expect(formatFigure(-3.14159e9)).toBe('-3.142e+9');
    expect(formatFigure(0.001)).toBe('0.001');
  });

  it('says what a non-finite value is', () => {
    expect(formatFigure(NaN)).toBe('NaN');
    expect(formatFigure(Infinity)).toBe('Infinity');
  });

  it('never shows more than four significant digits, across magnitudes', () => {
    for (let e = -12; e <= 12; e++) {
      for (const m of [1, 1.23456789, 9.99951, -5.5555555]) {
        const text = formatFigure(m * 10 ** e);
        expect(significant(text), text).toBeLessThanOrEqual(4);
        expect(Number(text)).toBeCloseTo(m * 10 ** e, 3 - e);
      }
    }
  });

  it('leaves the exact value to formatExact, for a title tooltip', () => {
    expect(formatExact(399.993)).toBe('399.993');
  });
});
