import { pyBool, pyNumber, pyString, pyTuple } from '../export/python';

/** One keyword argument of a Keras constructor call: its name and its Python source text. */
export type Kwarg = readonly [string, string];

/**
 * How Keras spells one layer kind, kept beside the kind so that a new kind cannot be exported
 * half-way: the compiler asks for both the JSON config and the Python arguments.
 */
export interface KerasMapping<P> {
  /**
   * The config keys after name, trainable and dtype, as Keras `to_json()` writes them (sizes
   * as lists); tfjs `modelFromJSON` reads the same.
   */
  config(params: P): Record<string, unknown>;
  /** Every argument written out: Keras defaults change between versions. */
  args(params: P): Kwarg[];
  /** Who builds it in the script, when not `layers.<kerasClass>`. */
  callee?: string;
  /** Said at the end of the script line, about a Keras version difference. */
  note?: string;
  /** Param → the name another Keras version writes it under, accepted on import. */
  aliases?: Readonly<Record<string, string>>;
}

/** Python literals for the `args` of a mapping. */
export const py = {
  int: (n: number) => pyNumber(n),
  float: (n: number) => pyNumber(n, { float: true }),
  str: (s: string) => pyString(s),
  bool: pyBool,
  ints: (xs: readonly number[]) => pyTuple(xs.map((n) => pyNumber(n))),
  /** Keras None: what a nullable size means is documented on its field. */
  none: 'None',
};

/** A 1-D size as Keras writes it in a config: kernel_size 3 is [3]. */
export const one = (n: number): number[] => [n];

/** For kinds Keras builds with no arguments besides the name. */
export const NO_KERAS_ARGS: KerasMapping<object> = { config: () => ({}), args: () => [] };
