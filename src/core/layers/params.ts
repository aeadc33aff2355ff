import { z } from 'zod';
import { ACTIVATION_IDS, type ActivationId } from '../activations';
import type { FieldDef, LayerDef } from './types';

/**
 * One Keras argument: its zod schema, its Keras default and how the inspector shows it. A layer
 * file lists its arguments once and gets schema, defaults and fields from that list, so the
 * three can never disagree.
 */
export interface Param<T> {
  schema: z.ZodType<T>;
  default: T;
  /** null for a fixed argument the inspector does not show (GRU reset_after). */
  field: ((name: string) => FieldDef) | null;
}

export function int(min: number, max: number, def: number, help: string): Param<number> {
  return {
    schema: z.number().int().min(min).max(max),
    default: def,
    field: (name) => ({ name, type: 'int', min, max, help }),
  };
}

export function float(
  min: number,
  max: number,
  def: number,
  help: string,
  opts: { maxExclusive?: boolean } = {},
): Param<number> {
  const base = z.number().min(min);
  const maxExclusive = opts.maxExclusive === true;
  return {
    schema: maxExclusive ? base.lt(max) : base.max(max),
    default: def,
    field: (name) =>
      maxExclusive
        ? { name, type: 'float', min, max, maxExclusive, help }
        : { name, type: 'float', min, max, help },
  };
}

export function bool(def: boolean, help: string): Param<boolean> {
  return { schema: z.boolean(), default: def, field: (name) => ({ name, type: 'bool', help }) };
}

export function choice<const O extends readonly [string, ...string[]]>(
  options: O,
  def: O[number],
  help: string,
): Param<O[number]> {
  return {
    schema: z.enum(options) as unknown as z.ZodType<O[number]>,
    default: def,
    field: (name) => ({ name, type: 'enum', options, help }),
  };
}

export function activation(def: ActivationId, help: string): Param<ActivationId> {
  return choice(ACTIVATION_IDS, def, help);
}

export function intList(
  range: { min: number; max: number; minLength: number; maxLength: number },
  def: readonly number[],
  help: string,
): Param<number[]> {
  const { min, max, minLength, maxLength } = range;
  return {
    schema: z.array(z.number().int().min(min).max(max)).min(minLength).max(maxLength),
    default: [...def],
    field: (name) => ({ name, type: 'intList', min, max, minLength, maxLength, help }),
  };
}

/** An argument pinned to one value, e.g. because TensorFlow.js supports nothing else. */
export function fixed<const T extends boolean | string | number>(
  value: T,
  whyMessage: string,
): Param<T> {
  return { schema: z.literal(value, { error: whyMessage }), default: value, field: null };
}

/** `null` stands for Keras None; `meaning` says what it falls back to, e.g. 'same as pool_size'. */
export function nullable<T extends number | number[]>(
  p: Param<T>,
  meaning: string,
): Param<T | null> {
  return {
    schema: p.schema.nullable(),
    default: null,
    field: (name) => {
      const f = p.field?.(name);
      if (f?.type !== 'int' && f?.type !== 'intList') throw new Error(`${name} cannot be nullable`);
      return { ...f, nullable: meaning };
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- only used to infer each T
type AnyParam = Param<any>;
export type ParamValues<S extends Record<string, AnyParam>> = {
  [N in keyof S]: S[N] extends Param<infer T> ? T : never;
};

type DefInput<K extends string, S extends Record<string, AnyParam>> = Omit<
  LayerDef<K, ParamValues<S>>,
  'schema' | 'defaults' | 'fields'
> & { params: S };

/** Builds a LayerDef whose schema, defaults and inspector fields all come from `params`. */
export function defineLayer<K extends string, S extends Record<string, AnyParam>>(
  d: DefInput<K, S>,
): LayerDef<K, ParamValues<S>> {
  const { params, ...rest } = d;
  const entries = Object.entries(params);
  const shape = Object.fromEntries(entries.map(([n, p]) => [n, p.schema]));
  return {
    ...rest,
    schema: z.object(shape) as unknown as z.ZodType<ParamValues<S>>,
    defaults: Object.fromEntries(entries.map(([n, p]) => [n, p.default])) as ParamValues<S>,
    fields: entries.flatMap(([n, p]) => (p.field ? [p.field(n)] : [])),
  };
}
