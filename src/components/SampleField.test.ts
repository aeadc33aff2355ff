import { describe, expect, it } from 'vitest';
import { clampSample } from './SampleField';

describe('clampSample', () => {
  it('keeps a typed sample a whole number between 1 and the count', () => {
    expect(clampSample('7', 10)).toBe(7);
    expect(clampSample('2.6', 10)).toBe(3);
    expect(clampSample('0', 10)).toBe(1);
    expect(clampSample('-4', 10)).toBe(1);
    expect(clampSample('', 10)).toBe(1);
    expect(clampSample('abc', 10)).toBe(1);
    expect(clampSample('99', 10)).toBe(10);
  });
});
