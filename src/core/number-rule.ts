import { z } from 'zod';
import type { Result } from './result';

/**
 * What a number field accepts, read from the zod schema that declares the range, so the
 * sentence a user reads and the check the store makes can never disagree.
 */
export interface NumberRule<N extends number | null = number> {
  schema: z.ZodType;
  integer: boolean;
  /** -Infinity / Infinity where the schema sets no bound. */
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
  /** What an empty field means, e.g. 'no clipping'; absent where empty is refused. */
  empty: N extends null ? string : undefined;
}

interface JsonNumber {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonNumber[];
}

/** z.int() alone says "a safe integer": that is no range a user needs to read. */
const bound = (n: number | undefined, none: number) =>
  n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? none : n;

export function numberRule(schema: z.ZodType): NumberRule<number>;
export function numberRule(schema: z.ZodType, empty: string): NumberRule<number | null>;
export function numberRule(schema: z.ZodType, empty?: string): NumberRule<number | null> {
  // zod's own JSON Schema export is its public way to read a schema's bounds back.
  const json = z.toJSONSchema(schema) as JsonNumber;
  const branches = json.anyOf ?? [json];
  const num = branches.find((b) => b.type === 'number' || b.type === 'integer');
  const nullable = branches.some((b) => b.type === 'null');
  if (!num) throw new Error('numberRule needs a number schema');
  if ((empty !== undefined) !== nullable) {
    throw new Error('an empty meaning is given exactly when the schema accepts null');
  }
  return {
    schema,
    integer: num.type === 'integer',
    min: bound(num.exclusiveMinimum ?? num.minimum, -Infinity),
    max: bound(num.exclusiveMaximum ?? num.maximum, Infinity),
    minExclusive: num.exclusiveMinimum !== undefined,
    maxExclusive: num.exclusiveMaximum !== undefined,
    empty: empty as NumberRule<number | null>['empty'],
  };
}

/** "from 1 to 4096", "greater than 0 and at most 10": the bounds in words. */
export function rangeText(rule: NumberRule<number | null>): string {
  const { min, max, minExclusive: lo, maxExclusive: hi } = rule;
  const low = Number.isFinite(min);
  const high = Number.isFinite(max);
  if (low && high && !lo && !hi) return `from ${min} to ${max}`;
  if (low && high && !lo && hi) return `from ${min} up to (not including) ${max}`;
  const parts = [
    low && (lo ? `greater than ${min}` : `at least ${min}`),
    high && (hi ? `less than ${max}` : `at most ${max}`),
  ].filter((p): p is string => typeof p === 'string');
  return parts.join(' and ');
}

/** "an integer from 1 to 4096": what a value must be, without naming the field. */
export function numberKind(rule: NumberRule<number | null>): string {
  const range = rangeText(rule);
  return `${rule.integer ? 'an integer' : 'a number'}${range ? ` ${range}` : ''}`;
}

/** "Batch size must be an integer from 1 to 4096." */
export function describeNumber(rule: NumberRule<number | null>, label: string): string {
  const kind = numberKind(rule);
  return rule.empty === undefined
    ? `${label} must be ${kind}.`
    : `${label} must be empty for ${rule.empty}, or ${kind}.`;
}

/** Decimal and exponent forms only: Number() would also take '0x1f', 'Infinity' and ' '. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads what was typed; the schema itself judges the number, the reason names the range. */
export function parseNumber<N extends number | null>(
  rule: NumberRule<N>,
  label: string,
  text: string,
): Result<N> {
  const t = text.trim();
  const refused = { ok: false as const, reason: describeNumber(rule, label) };
  if (t === '') {
    return rule.empty !== undefined && rule.schema.safeParse(null).success
      ? { ok: true, value: null as N }
      : refused;
  }
  if (!NUMBER.test(t)) return refused;
  const n = Number(t);
  return rule.schema.safeParse(n).success ? { ok: true, value: n as N } : refused;
}

/** How a value in use reads in its field; null (where allowed) is the empty field. */
export const formatNumber = (value: number | null): string => (value === null ? '' : String(value));
