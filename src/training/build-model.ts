import * as tf from '@tensorflow/tfjs';
import { layerNames, type ModelSpec } from '../core/model-spec';
import { inferShapes } from '../core/shapes';
import { initialisers, tfLayer } from './tf-layer';

/**
 * Keras's unit_forget_bias: the LSTM forget gate (gates are ordered i, f, c, o) starts with a
 * bias of 1 so the cell remembers by default. tfjs's own unitForgetBias leaks 4 tensors per
 * build, so the bias is written after the layer is built instead.
 */
function setForgetBias(lstm: tf.layers.Layer, units: number): void {
  const [kernel, recurrent] = lstm.getWeights();
  if (!kernel || !recurrent) return;
  const bias = tf.tidy(() =>
    tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]),
  );
  lstm.setWeights([kernel, recurrent, bias]);
  bias.dispose();
}

export interface BuildOptions {
  /** Seeds every initialiser and Dropout so two builds start from the same weights. */
  seed?: number;
  /** false skips inferShapes, so tests can watch tfjs itself refuse what the core refuses. */
  validate?: boolean;
  /**
   * The "Fused recurrent kernels" setting (default on): recurrent layers run the fused WebGPU
   * kernels where they cover the layer, on the webgpu backend. Off: tfjs' own layers.
   */
  fusedRecurrent?: boolean;
}

/**
 * The tfjs model for a spec, layer i of the spec being model.layers[i] (the Input becomes an
 * explicit InputLayer) and named as the summary names it. Throws on a spec inferShapes refuses:
 * check the report first, this is not the place users learn what is wrong.
 */
export function buildModel(spec: ModelSpec, opts: BuildOptions = {}): tf.Sequential {
  const report = opts.validate === false ? undefined : inferShapes(spec);
  if (report && !report.ok) {
    throw new Error(`Cannot build an invalid model: ${report.errors[0]?.message ?? ''}`);
  }
  const names = layerNames(spec);
  const model = tf.sequential();
  let pending: tf.layers.Layer | undefined;
  try {
    spec.layers.forEach((layer, i) => {
      const init = initialisers(opts.seed, i);
      pending = tfLayer(layer, names[i] ?? layer.id, init, opts.fusedRecurrent ?? true);
      model.add(pending);
      if (layer.kind === 'LSTM' && layer.params.use_bias)
        setForgetBias(pending, layer.params.units);
    });
  } catch (e) {
    // A layer can create its weights and then fail its shape check, outside the model.
    if (pending && !model.layers.includes(pending)) pending.weights.forEach((w) => w.dispose());
    model.dispose();
    throw e;
  }
  return model;
}

interface CellWithMasks {
  dropoutMask?: tf.Tensor | tf.Tensor[] | null;
  recurrentDropoutMask?: tf.Tensor | tf.Tensor[] | null;
}

/**
 * model.dispose() plus what it misses: tfjs RNN cells with dropout keep their last dropout masks
 * (tf.keep) until their next call, and nothing frees them when the model goes, so each rebuilt
 * model would leak a few tensors. Use this instead of model.dispose().
 */
export function disposeModel(model: tf.LayersModel): void {
  for (const layer of model.layers) {
    const cell = (layer as { cell?: CellWithMasks }).cell;
    if (!cell) continue;
    if (cell.dropoutMask) tf.dispose(cell.dropoutMask);
    if (cell.recurrentDropoutMask) tf.dispose(cell.recurrentDropoutMask);
    cell.dropoutMask = null;
    cell.recurrentDropoutMask = null;
  }
  model.dispose();
}
