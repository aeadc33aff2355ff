import * as tf from '@tensorflow/tfjs';
import type { FusedCoverage } from './fused-recurrent-coverage';
import { fusedRecurrent } from './kernels/webgpu/fused-recurrent-op';
import type { RecurrentKind } from './kernels/webgpu/recurrent-wgsl';

type Kwargs = Parameters<tf.layers.Layer['call']>[1];
type LayerArgs = ConstructorParameters<typeof tf.layers.Layer>[0];

interface Readable {
  read(): tf.Tensor;
}
/** The parts of tfjs' RNN layer this reads (its classes are not exported). */
interface RnnInternals {
  cell: { kernel: Readable; recurrentKernel: Readable; bias?: Readable | null };
  returnState: boolean;
  goBackwards: boolean;
  stateful: boolean;
}

/** Which implementation a recurrent layer ran last, and why not the fused one. */
export type RecurrentKernelUse = { fused: true } | { fused: false; reason: string };

// tfjs does not export its LSTM/GRU/SimpleRNN classes; every layer it builds is an instance.
const BASES: Record<RecurrentKind, typeof tf.layers.Layer> = {
  LSTM: tf.layers.lstm({ units: 1 }).constructor as typeof tf.layers.Layer,
  GRU: tf.layers.gru({ units: 1 }).constructor as typeof tf.layers.Layer,
  SimpleRNN: tf.layers.simpleRNN({ units: 1 }).constructor as typeof tf.layers.Layer,
};

function whyNotFused(layer: RnnInternals, inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs) {
  if (tf.getBackend() !== 'webgpu') return `the ${tf.getBackend()} backend has no fused kernel`;
  if (Array.isArray(inputs) && inputs.length !== 1) return 'an initial state is given';
  if (kwargs.mask != null || kwargs.initialState != null) return 'a mask or initial state is given';
  if (layer.returnState || layer.goBackwards || layer.stateful)
    return 'return_state, go_backwards and stateful are not fused';
  return null;
}

/**
 * tfjs' own recurrent layer (same weights, names, order and serialised class name, so weight
 * export/import and probes see no difference) whose call() runs the fused WebGPU kernels when
 * it can, and tfjs' own per-step implementation otherwise. `use` records which ran last.
 */
function fusedLayerClass(kind: RecurrentKind) {
  return class extends BASES[kind] {
    use: RecurrentKernelUse;
    readonly fusedKind = kind;

    constructor(
      args: LayerArgs,
      readonly coverage: FusedCoverage,
    ) {
      super(args);
      this.use = coverage.ok ? { fused: true } : { fused: false, reason: coverage.reason };
    }

    override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
      const rnn = this as unknown as RnnInternals;
      const reason = this.coverage.ok ? whyNotFused(rnn, inputs, kwargs) : this.coverage.reason;
      if (reason !== null || !this.coverage.ok) {
        this.use = { fused: false, reason: reason ?? 'not covered' };
        return super.call(inputs, kwargs);
      }
      this.use = { fused: true };
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const { cell } = rnn;
      return fusedRecurrent(
        this.coverage.config,
        x,
        cell.kernel.read() as tf.Tensor2D,
        cell.recurrentKernel.read() as tf.Tensor2D,
        this.coverage.config.useBias && cell.bias ? (cell.bias.read() as tf.Tensor1D) : null,
      );
    }
  };
}

const CLASSES = {
  LSTM: fusedLayerClass('LSTM'),
  GRU: fusedLayerClass('GRU'),
  SimpleRNN: fusedLayerClass('SimpleRNN'),
};

/** What the readout needs from a recurrent layer built by fusedRecurrentLayer. */
export interface FusedRecurrentLayer extends tf.layers.Layer {
  readonly fusedKind: RecurrentKind;
  readonly coverage: FusedCoverage;
  use: RecurrentKernelUse;
}

/** The recurrent layer for `kind`, built from tfjs' own arguments (tf.layers.lstm's etc.). */
export function fusedRecurrentLayer(
  kind: RecurrentKind,
  args: LayerArgs,
  coverage: FusedCoverage,
): FusedRecurrentLayer {
  return new CLASSES[kind](args, coverage);
}

export const isFusedRecurrentLayer = (l: tf.layers.Layer): l is FusedRecurrentLayer =>
  Object.values(CLASSES).some((C) => l instanceof C);

function sentence(parts: string[]): string | null {
  return parts.length === 0 ? null : `Recurrent kernels: ${parts.join('; ')}.`;
}
const fusedPart = (name: string) => `${name} runs the fused WebGPU kernel`;
const ownPart = (name: string, reason: string) => `${name} runs tfjs' own layer (${reason})`;

/**
 * One sentence for the training readout, before training starts on `backend`: which recurrent
 * layers will run the fused kernel and why the others will not; null for a model without
 * recurrent layers.
 */
export function plannedKernelReport(model: tf.LayersModel, backend: string): string | null {
  return sentence(
    model.layers.filter(isFusedRecurrentLayer).map((l) => {
      if (!l.coverage.ok) return ownPart(l.name, l.coverage.reason);
      if (backend !== 'webgpu')
        return ownPart(l.name, `the ${backend} backend has no fused kernel`);
      return fusedPart(l.name);
    }),
  );
}

/** The same sentence from what each layer actually ran last (so after a step has run). */
export function recurrentKernelReport(model: tf.LayersModel): string | null {
  return sentence(
    model.layers
      .filter(isFusedRecurrentLayer)
      .map((l) => (l.use.fused ? fusedPart(l.name) : ownPart(l.name, l.use.reason))),
  );
}
