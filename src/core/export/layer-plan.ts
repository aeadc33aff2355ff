import type { LayerSpec } from '../layers/catalog';
import type { ModelSpec } from '../model-spec';
import { fail, ok, type Result } from '../result';
import { inferShapes } from '../shapes';

/** One layer of a model to export: its Keras name and its input and output shapes, batch left out. */
export interface PlannedLayer {
  layer: LayerSpec;
  name: string;
  input: number[];
  output: number[];
}

const sizes = (shape: readonly (number | null)[] | null) =>
  (shape ?? []).slice(1).map((d) => d ?? 0);

/** The layers after the Input, with shapes; fails with the shape problem when there is one. */
export function planLayers(spec: ModelSpec): Result<{ input: number[]; layers: PlannedLayer[] }> {
  const report = inferShapes(spec);
  const first = spec.layers[0];
  if (!report.ok || first?.kind !== 'Input') {
    const problem = report.errors[0]?.message ?? 'the model has no Input layer';
    return fail(`The model cannot be exported until it builds: ${problem}`);
  }
  const layers = spec.layers.slice(1).map((layer, i) => {
    const entry = report.layers[i + 1];
    return {
      layer,
      name: entry?.name ?? layer.id,
      input: sizes(entry?.input ?? null),
      output: sizes(entry?.output ?? null),
    };
  });
  return ok({ input: [...first.params.shape], layers });
}

/**
 * The zeros a window needs before and after, as TensorFlow pads: 'same' splits the padding with
 * the odd one after; 'causal' pads only before; 'valid' pads nothing.
 */
export function padsFor(
  padding: 'valid' | 'same' | 'causal',
  length: number,
  window: number,
  stride: number,
  dilation = 1,
): [number, number] {
  const span = (window - 1) * dilation + 1;
  if (padding === 'valid') return [0, 0];
  if (padding === 'causal') return [span - 1, 0];
  const out = Math.ceil(length / stride);
  const total = Math.max((out - 1) * stride + span - length, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}
