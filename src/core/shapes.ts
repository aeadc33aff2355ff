import { getDef, looseDef, validateParams, type LayerKind, type LayerSpec } from './layers/catalog';
import { formatShape } from './layers/shape-math';
import type { InputRank, ParamCount, Shape } from './layers/types';
import { layerNames, validateLayerName, type ModelSpec } from './model-spec';

export { formatShape };

/** layerId is null only for a problem with the whole model (it is empty). */
export interface ShapeError {
  layerId: string | null;
  message: string;
}

export interface LayerShape {
  id: string;
  /** The Keras name: custom, or automatic (dense, dense_1, …). */
  name: string;
  kind: LayerKind;
  /** null where an earlier error makes the shape unknowable. */
  input: Shape | null;
  output: Shape | null;
  /** Zero while the input shape is unknown. */
  params: ParamCount;
  error?: ShapeError;
}

export interface ShapeReport {
  ok: boolean;
  layers: LayerShape[];
  errors: ShapeError[];
  /** The model's output shape; null if anything failed. */
  output: Shape | null;
}

/**
 * Runs every layer's shape rule in order. After a layer fails, the layers below it get null
 * shapes and are not shape-checked (their problems would be echoes of the first one), but their
 * own params, names and placement are still checked.
 */
export function inferShapes(spec: ModelSpec): ShapeReport {
  if (spec.layers.length === 0) {
    const error = { layerId: null, message: 'The model is empty: add an Input layer first.' };
    return { ok: false, layers: [], errors: [error], output: null };
  }
  const names = layerNames(spec);
  const layers: LayerShape[] = [];
  let current: Shape | null = null;
  spec.layers.forEach((layer, i) => {
    const input = i === 0 ? null : current;
    const entry: LayerShape = {
      id: layer.id,
      name: names[i] ?? layer.id,
      kind: layer.kind,
      input,
      output: null,
      params: { trainable: 0, nonTrainable: 0 },
    };
    const problem =
      placementProblem(layer, i) ??
      paramsProblem(layer) ??
      (i === 0 || input !== null ? applyRule(spec, layer, i, input, entry) : undefined);
    if (problem !== undefined) entry.error = { layerId: layer.id, message: problem };
    current = entry.output;
    // A bad name stops the build but not the shapes, so it is reported without blocking.
    const badName = nameProblem(spec, layer);
    if (badName !== undefined && !entry.error)
      entry.error = { layerId: layer.id, message: badName };
    layers.push(entry);
  });
  const errors = layers.flatMap((l) => (l.error ? [l.error] : []));
  const output = errors.length === 0 ? (layers.at(-1)?.output ?? null) : null;
  return { ok: errors.length === 0, layers, errors, output };
}

/** Checks the input rank, then runs the kind's shape rule; fills entry or returns the problem. */
function applyRule(
  spec: ModelSpec,
  layer: LayerSpec,
  i: number,
  input: Shape | null,
  entry: LayerShape,
): string | undefined {
  const inShape = input ?? [];
  if (input) {
    const rankProblem = rankMismatch(spec, layer, i, input);
    if (rankProblem) return rankProblem;
  }
  const def = looseDef(layer.kind);
  const out = def.outputShape(inShape, layer.params);
  if (!out.ok) return out.reason;
  entry.output = out.value;
  entry.params = def.paramCount(inShape, layer.params);
  return undefined;
}

function placementProblem(layer: LayerSpec, i: number): string | undefined {
  if (i === 0 && layer.kind !== 'Input') {
    return `The model must start with an Input layer, not ${layer.kind}: add an Input at the top and set its shape.`;
  }
  if (i > 0 && layer.kind === 'Input') {
    return 'Only the first layer can be an Input: remove this one, or move it to the top.';
  }
  return undefined;
}

function paramsProblem(layer: LayerSpec): string | undefined {
  const checked = validateParams(layer.kind, layer.params);
  return checked.ok ? undefined : `${layer.kind} ${checked.reason}.`;
}

function nameProblem(spec: ModelSpec, layer: LayerSpec): string | undefined {
  if (layer.name === undefined) return undefined;
  const checked = validateLayerName(spec, layer.id, layer.name);
  return checked.ok ? undefined : checked.reason;
}

/** "LSTM needs a 3-D input (batch, timesteps, features) but Dense gives (None, 64): …" */
function rankMismatch(
  spec: ModelSpec,
  layer: LayerSpec,
  i: number,
  input: Shape,
): string | undefined {
  const rank = getDef(layer.kind).inputRank;
  if (!rank || (input.length >= rank.min && input.length <= rank.max)) return undefined;
  const prev = spec.layers[i - 1];
  if (!prev) return undefined;
  const tooFew = input.length < rank.min;
  const giver =
    prev.kind === 'Input'
      ? 'the Input'
      : prev.kind === layer.kind
        ? `the previous ${prev.kind}`
        : prev.kind;
  const head = `${layer.kind} needs ${describeRank(rank, tooFew)} but ${giver} gives ${formatShape(input)}`;
  return `${head}: ${rankFix(layer, prev, rank, tooFew)}`;
}

function describeRank(rank: InputRank, tooFew: boolean): string {
  if (rank.min === rank.max) return `a ${rank.min}-D input ${rank.dims}`;
  return tooFew
    ? `an input with at least ${rank.min} dimensions ${rank.dims}`
    : `an input with at most ${rank.max} dimensions ${rank.dims}`;
}

function rankFix(layer: LayerSpec, prev: LayerSpec, rank: InputRank, tooFew: boolean): string {
  if (tooFew && rank.belowMin) return rank.belowMin;
  if (prev.kind === 'Input' && rank.min === rank.max) {
    const perExample = rank.dims.replace('(batch, ', '(');
    return `give the Input shape ${rank.min - 1} numbers ${perExample}, or add a Reshape after it.`;
  }
  if (tooFew && looseDef(prev.kind).recurrent && rank.min === 3) {
    return `turn on return_sequences in the ${prev.kind} above, or add a Reshape.`;
  }
  if (tooFew) return `put the ${layer.kind} before the ${prev.kind}, or add a Reshape.`;
  return rank.min <= 2
    ? `add a Flatten or a Reshape before the ${layer.kind}.`
    : `add a Reshape before the ${layer.kind}.`;
}
