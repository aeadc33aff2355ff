import { activationDef } from './activation';
import { averagePooling1dDef } from './average-pooling1d';
import { batchNormalizationDef } from './batch-normalization';
import { conv1dDef } from './conv1d';
import { conv2dDef } from './conv2d';
import { denseDef } from './dense';
import { dropoutDef } from './dropout';
import { eluDef } from './elu';
import { flattenDef } from './flatten';
import { globalAveragePooling1dDef } from './global-average-pooling1d';
import { globalMaxPooling1dDef } from './global-max-pooling1d';
import { gruDef } from './gru';
import { inputDef } from './input';
import { leakyReluDef } from './leaky-relu';
import { lstmDef } from './lstm';
import { maxPooling1dDef } from './max-pooling1d';
import { maxPooling2dDef } from './max-pooling2d';
import { preluDef } from './prelu';
import { reshapeDef } from './reshape';
import { simpleRnnDef } from './simple-rnn';
import type { FieldDef, LayerDef } from './types';
import type { Result } from '../result';

/**
 * Every layer kind, in palette order. Adding a kind: one file plus one line here, then the
 * compiler asks for its tfjs case in src/training/tf-layer.ts.
 */
export const LAYER_DEFS = [
  inputDef,
  denseDef,
  simpleRnnDef,
  lstmDef,
  gruDef,
  conv1dDef,
  conv2dDef,
  maxPooling1dDef,
  averagePooling1dDef,
  maxPooling2dDef,
  globalAveragePooling1dDef,
  globalMaxPooling1dDef,
  flattenDef,
  reshapeDef,
  dropoutDef,
  batchNormalizationDef,
  activationDef,
  preluDef,
  leakyReluDef,
  eluDef,
] as const;

type AnyDef = (typeof LAYER_DEFS)[number];
export type LayerKind = AnyDef['kind'];
export type ParamsOf<K extends LayerKind> =
  Extract<AnyDef, { kind: K }> extends LayerDef<K, infer P> ? P : never;

/** One layer of a model: a union on `kind`, so a switch over kinds is checked for exhaustiveness. */
export type LayerSpec = {
  [K in LayerKind]: { id: string; kind: K; name?: string; params: ParamsOf<K> };
}[LayerKind];
export type LayerSpecOf<K extends LayerKind> = Extract<LayerSpec, { kind: K }>;

export const LAYER_KINDS = LAYER_DEFS.map((d) => d.kind);

const byKind = new Map<string, LayerDef>(LAYER_DEFS.map((d) => [d.kind, d as LayerDef]));

export function isLayerKind(kind: string): kind is LayerKind {
  return byKind.has(kind);
}

export function getDef<K extends LayerKind>(kind: K): LayerDef<K, ParamsOf<K>> {
  const def = byKind.get(kind);
  if (!def) throw new Error(`Unknown layer kind ${kind}`);
  return def as unknown as LayerDef<K, ParamsOf<K>>;
}

/** The def without its kind's param type, for code that walks layers of every kind. */
export function looseDef(kind: LayerKind): LayerDef {
  const def = byKind.get(kind);
  if (!def) throw new Error(`Unknown layer kind ${kind}`);
  return def;
}

/** Checks params against the kind's schema; the reason names the field and its allowed range. */
export function validateParams<K extends LayerKind>(kind: K, params: unknown): Result<ParamsOf<K>> {
  const def = getDef(kind);
  const parsed = def.schema.safeParse(params);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const name = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined;
  const field = def.fields.find((f) => f.name === name);
  if (!field || name === undefined)
    return { ok: false, reason: issue?.message ?? 'invalid params' };
  const value: unknown =
    typeof params === 'object' && params !== null
      ? (params as Record<string, unknown>)[name]
      : undefined;
  return { ok: false, reason: describeRange(field, value) };
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `(${value.map(show).join(', ')})`;
  return String(value);
}

/** "units must be an integer between 1 and 4096 (got 0)" */
export function describeRange(field: FieldDef, value: unknown): string {
  const got = `(got ${show(value)})`;
  switch (field.type) {
    case 'int': {
      const orNull = field.nullable ? `, or None for ${field.nullable}` : '';
      return `${field.name} must be an integer between ${field.min} and ${field.max}${orNull} ${got}`;
    }
    case 'float':
      return field.maxExclusive
        ? `${field.name} must be a number from ${field.min} up to (not including) ${field.max} ${got}`
        : `${field.name} must be a number between ${field.min} and ${field.max} ${got}`;
    case 'bool':
      return `${field.name} must be true or false ${got}`;
    case 'enum':
      return `${field.name} must be one of ${field.options.map(show).join(', ')} ${got}`;
    case 'intList': {
      const count =
        field.minLength === field.maxLength
          ? `${field.minLength}`
          : `${field.minLength} to ${field.maxLength}`;
      const orNull = field.nullable ? `, or None for ${field.nullable}` : '';
      return `${field.name} must be a list of ${count} integers, each between ${field.min} and ${field.max}${orNull} ${got}`;
    }
  }
}
