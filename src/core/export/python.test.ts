import { describe, expect, it } from 'vitest';
import { pyBool, pyNumber, pyString, pyTuple, pyValue } from './python';

describe('Python literals', () => {
  it('quote strings so that user text can only ever be a string literal', () => {
    expect(pyString('dense')).toBe('"dense"');
    expect(pyString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(pyString('x")\nimport os\nos.system("rm -rf /")#')).toBe(
      '"x\\")\\nimport os\\nos.system(\\"rm -rf /\\")#"',
    );
    expect(pyString('tab\tcr\rnul\0')).toBe('"tab\\tcr\\rnul\\u0000"');
    // Non-ASCII becomes an escape, so the file's encoding cannot matter; U+2028 is not a newline.
    expect(pyString('é\u2028😀')).toBe('"\\u00e9\\u2028\\U0001f600"');
    expect(pyString("'''")).toBe(`"'''"`);
  });

  it('write numbers as Python reads them', () => {
    expect(pyNumber(3)).toBe('3');
    expect(pyNumber(1, { float: true })).toBe('1.0');
    expect(pyNumber(0.001, { float: true })).toBe('0.001');
    expect(pyNumber(1e-7)).toBe('1e-7');
    expect(pyNumber(1e21, { float: true })).toBe('1e+21');
    expect(pyNumber(-2, { float: true })).toBe('-2.0');
    expect(pyNumber(Number.NaN)).toBe('float("nan")');
    expect(pyNumber(-Infinity)).toBe('-float("inf")');
  });

  it('write booleans, None, tuples and dicts', () => {
    expect(pyBool(true)).toBe('True');
    expect(pyTuple(['2'])).toBe('(2,)');
    expect(pyTuple(['3', '3'])).toBe('(3, 3)');
    expect(pyValue(null)).toBe('None');
    expect(pyValue([32, 1])).toBe('(32, 1)');
    expect(pyValue({ 'a"': 'label' })).toBe('{"a\\"": "label"}');
  });
});
