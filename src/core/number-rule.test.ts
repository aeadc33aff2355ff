import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinSchema, prepareSchema, windowingSchema } from '../data/config';
import { trainingSettingsSchema } from './training/settings';
import { describeNumber, formatNumber, numberRule, parseNumber, rangeText } from './number-rule';

const training = trainingSettingsSchema.shape;

describe('numberRule reads the range from the schema that declares it', () => {
  it('reads integer bounds through defaults', () => {
    expect(numberRule(windowingSchema.shape.length)).toMatchObject({
      integer: true,
      min: 1,
      max: 1000,
      minExclusive: false,
      maxExclusive: false,
    });
  });

  it('reads exclusive bounds and nullable schemas', () => {
    expect(numberRule(training.clipNorm, 'no clipping')).toMatchObject({
      integer: false,
      min: 0,
      minExclusive: true,
      max: 1000,
      empty: 'no clipping',
    });
  });

  it('refuses an empty meaning the schema does not allow, and schemas that are not numbers', () => {
    expect(() => numberRule(training.batchSize, 'nothing')).toThrow();
    expect(() => numberRule(training.clipNorm)).toThrow();
    expect(() => numberRule(z.string())).toThrow();
  });
});

describe('the sentence under a refused field', () => {
  it('names integer ranges', () => {
    expect(describeNumber(numberRule(training.batchSize), 'Batch size')).toBe(
      'Batch size must be an integer from 1 to 4096.',
    );
    expect(describeNumber(numberRule(training.epochs), 'Epochs')).toBe(
      'Epochs must be an integer from 1 to 10000.',
    );
    expect(describeNumber(numberRule(training.seed), 'Seed')).toBe(
      'Seed must be an integer from 0 to 2147483647.',
    );
    expect(describeNumber(numberRule(builtinSchema.shape.samples), 'Points')).toBe(
      'Points must be an integer from 10 to 20000.',
    );
  });

  it('names positive floats with an open lower bound (the learning rate)', () => {
    expect(describeNumber(numberRule(training.learningRate), 'Learning rate')).toBe(
      'Learning rate must be a number greater than 0 and at most 10.',
    );
  });

  it('names closed float ranges, negative ones too', () => {
    expect(describeNumber(numberRule(prepareSchema.shape.validationSplit), 'Split')).toBe(
      'Split must be a number from 0 to 0.9.',
    );
    expect(describeNumber(numberRule(builtinSchema.shape.trend), 'Trend')).toBe(
      'Trend must be a number from -0.1 to 0.1.',
    );
  });

  it('says what empty means where empty is allowed', () => {
    expect(describeNumber(numberRule(training.clipNorm, 'no clipping'), 'Clip')).toBe(
      'Clip must be empty for no clipping, or a number greater than 0 and at most 1000.',
    );
  });

  it('words one-sided and half-open ranges', () => {
    expect(rangeText(numberRule(z.number().min(0).lt(1)))).toBe('from 0 up to (not including) 1');
    expect(rangeText(numberRule(z.number().gt(0)))).toBe('greater than 0');
    expect(rangeText(numberRule(z.int().max(5)))).toBe('at most 5');
    expect(describeNumber(numberRule(z.number()), 'X')).toBe('X must be a number.');
  });
});

describe('parseNumber', () => {
  const rate = numberRule(training.learningRate);
  const batch = numberRule(training.batchSize);
  const clip = numberRule(training.clipNorm, 'no clipping');

  it('takes decimal and exponent forms within the range', () => {
    expect(parseNumber(rate, 'Learning rate', ' 1e-3 ')).toEqual({ ok: true, value: 0.001 });
    expect(parseNumber(batch, 'Batch size', '64')).toEqual({ ok: true, value: 64 });
    expect(parseNumber(batch, 'Batch size', '6.4e1')).toEqual({ ok: true, value: 64 });
  });

  it('refuses out of range, fractional, half-typed and non-decimal text with the range sentence', () => {
    const reason = 'Batch size must be an integer from 1 to 4096.';
    for (const text of ['5000', '0', '6.5', '', '-', '1e', '0x10', 'Infinity']) {
      expect(parseNumber(batch, 'Batch size', text)).toEqual({ ok: false, reason });
    }
    expect(parseNumber(rate, 'Learning rate', '1e6').ok).toBe(false);
    expect(parseNumber(rate, 'Learning rate', '0').ok).toBe(false);
  });

  it('reads empty as null only where the schema takes null', () => {
    expect(parseNumber(clip, 'Clip', '')).toEqual({ ok: true, value: null });
    expect(parseNumber(clip, 'Clip', '0').ok).toBe(false);
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(0.01)).toBe('0.01');
  });
});
