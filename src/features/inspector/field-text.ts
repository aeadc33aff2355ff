import { describeRange } from '../../core/layers/catalog';
import type { FieldDef } from '../../core/layers/types';
import type { Result } from '../../core/result';

/** The fields typed as text; bool and enum fields are a checkbox and a select. */
export type TextField = Extract<FieldDef, { type: 'int' | 'float' | 'intList' }>;

export function isTextField(field: FieldDef): field is TextField {
  return field.type === 'int' || field.type === 'float' || field.type === 'intList';
}

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const isNone = (text: string) => text === '' || text.toLowerCase() === 'none';

/** How a value reads in its input: lists without brackets ("32, 1"), None as empty. */
export function formatField(_field: TextField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * Reads what the user typed. Only the form is checked here (a number, a list of integers);
 * ranges are left to validateParams so both give the same sentence.
 */
export function parseField(field: TextField, text: string): Result<number | number[] | null> {
  const t = text.trim();
  const nullable = field.type !== 'float' && field.nullable !== undefined;
  if (nullable && isNone(t)) return { ok: true, value: null };
  const bad = { ok: false as const, reason: describeRange(field, t) };
  switch (field.type) {
    case 'int':
      return INT.test(t) ? { ok: true, value: Number(t) } : bad;
    case 'float':
      return FLOAT.test(t) ? { ok: true, value: Number(t) } : bad;
    case 'intList': {
      // Accept Keras-style tuples as well: "(32, 1)", "[32, 1]", "(2,)", "32 1".
      const parts = t
        .replace(/^[([]|[)\]]$/g, '')
        .split(/[\s,]+/)
        .filter(Boolean);
      if (parts.length === 0 || !parts.every((p) => INT.test(p))) return bad;
      return { ok: true, value: parts.map(Number) };
    }
  }
}

/** "1–4096", "0 ≤ x < 1", "1 to 3 values, each 1–65536", with "or None" when it applies. */
export function rangeHint(field: TextField): string {
  const none = field.type !== 'float' && field.nullable ? ' or None' : '';
  switch (field.type) {
    case 'int':
      return `${field.min}–${field.max}${none}`;
    case 'float':
      return field.maxExclusive ? `${field.min} ≤ x < ${field.max}` : `${field.min}–${field.max}`;
    case 'intList': {
      const n =
        field.minLength === field.maxLength
          ? `${field.minLength}`
          : `${field.minLength}–${field.maxLength}`;
      return `${n} × ${field.min}–${field.max}${none}`;
    }
  }
}
