import type { z } from 'zod';
import type { KerasMapping } from './keras-mapping';
import type { Result } from '../result';

/** A Keras shape: index 0 is the batch dimension, always `null` (Keras prints it as None). */
export type Shape = readonly (number | null)[];

export type LayerGroup =
  | 'Core'
  | 'Recurrent'
  | 'Convolution'
  | 'Pooling'
  | 'Normalisation'
  | 'Regularisation'
  | 'Reshaping'
  | 'Activation'
  | 'Advanced activations';

/**
 * How the inspector renders and validates one Keras argument. `nullable`, when present, says
 * what `null` (Keras None) means, e.g. pooling strides: 'same as pool_size'.
 */
export type FieldDef =
  | { name: string; type: 'int'; min: number; max: number; nullable?: string; help: string }
  /** maxExclusive: the value must stay below max (Dropout rate < 1). */
  | { name: string; type: 'float'; min: number; max: number; maxExclusive?: boolean; help: string }
  | { name: string; type: 'bool'; help: string }
  | { name: string; type: 'enum'; options: readonly string[]; help: string }
  /** A list of positive ints, e.g. Reshape target_shape or Input shape. */
  | {
      name: string;
      type: 'intList';
      min: number;
      max: number;
      minLength: number;
      maxLength: number;
      nullable?: string;
      help: string;
    };

/** The rank a layer accepts, batch included: LSTM is { min: 3, max: 3, dims: '(batch, timesteps, features)' }. */
export interface InputRank {
  min: number;
  max: number;
  dims: string;
  /** The fix to suggest when the input has fewer dimensions than `min`, if not the generic one. */
  belowMin?: string;
}

export interface ParamCount {
  trainable: number;
  nonTrainable: number;
}

/**
 * Everything one layer kind needs, in one record (the tldraw habit): adding a kind is one file
 * exporting a LayerDef plus one line in catalog.ts; only its tfjs layer lives apart, in training/,
 * because core stays free of tfjs.
 */
export interface LayerDef<K extends string = string, P extends object = object> {
  kind: K;
  /** Keras class name, e.g. 'Dense', 'MaxPooling1D'. */
  kerasClass: string;
  group: LayerGroup;
  /** One plain-words sentence (or two) shown in the palette and inspector. */
  help: string;
  schema: z.ZodType<P>;
  defaults: P;
  fields: readonly FieldDef[];
  /** Keras snake_case name prefix used for auto names: dense, lstm, max_pooling1d … */
  namePrefix: string;
  /** Absent only for Input, which has no input. Checked before outputShape is called. */
  inputRank?: InputRank;
  /** `input` includes the batch dim (null). Fails with a user sentence naming the fix. */
  outputShape(input: Shape, params: P): Result<Shape>;
  paramCount(input: Shape, params: P): ParamCount;
  keras: KerasMapping<P>;
  /** Probes read one sample's input and output, so the charts can draw its windows. */
  pooling?: 'max' | 'average';
  /**
   * Only moves, picks or averages values, so its outputs lie in the range the layer before
   * produced (the saturation share of that layer's activation still applies).
   */
  keepsValueRange?: true;
  /** Can output every timestep (return_sequences): the fix to offer a layer after it that needs 3-D. */
  recurrent?: true;
}
