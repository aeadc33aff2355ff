import type { ActivationId } from '../activations';
import type { LayerSpecOf } from '../layers/catalog';
import type { ModelSpec } from '../model-spec';
import { fail, ok, type Result } from '../result';
import { planLayers } from './layer-plan';

/**
 * What ONNX export can take, decided without the writer: the Export menu shows it on the first
 * screen, and the writer (protobuf and the graph builders) loads only when a file is asked for.
 */
export type Recurrent = LayerSpecOf<'LSTM'> | LayerSpecOf<'GRU'> | LayerSpecOf<'SimpleRNN'>;

/** The ONNX operator of each recurrent layer. */
export const RECURRENT_OPS: Record<Recurrent['kind'], string> = {
  LSTM: 'LSTM',
  GRU: 'GRU',
  SimpleRNN: 'RNN',
};

/** The activations ONNX's LSTM, GRU and RNN operators run, with their alpha and beta. */
export const RECURRENT_ACTIVATIONS: Partial<
  Record<ActivationId, { name: string; alpha: number; beta: number }>
> = {
  linear: { name: 'Affine', alpha: 1, beta: 0 },
  relu: { name: 'Relu', alpha: 0, beta: 0 },
  elu: { name: 'Elu', alpha: 1, beta: 0 },
  sigmoid: { name: 'Sigmoid', alpha: 0, beta: 0 },
  hard_sigmoid: { name: 'HardSigmoid', alpha: 0.2, beta: 0.5 },
  tanh: { name: 'Tanh', alpha: 0, beta: 0 },
  softplus: { name: 'Softplus', alpha: 0, beta: 0 },
  softsign: { name: 'Softsign', alpha: 0, beta: 0 },
};

/** The activations the layer uses, in the order the ONNX operator lists them (f, g, h). */
export function recurrentActivations(l: Recurrent): string[] {
  switch (l.kind) {
    case 'LSTM':
      return [l.params.recurrent_activation, l.params.activation, l.params.activation];
    case 'GRU':
      return [l.params.recurrent_activation, l.params.activation];
    case 'SimpleRNN':
      return [l.params.activation];
  }
}

/** Why ONNX's operator cannot run this layer, or null when it can. */
export function recurrentProblem(l: Recurrent, name: string): string | null {
  const missing = recurrentActivations(l).find((a) => !(a in RECURRENT_ACTIVATIONS));
  if (!missing) return null;
  const allowed = Object.keys(RECURRENT_ACTIVATIONS).join(', ');
  return `${l.kind} '${name}' uses ${missing}, which ONNX's ${RECURRENT_OPS[l.kind]} operator cannot run (it runs ${allowed}): pick one of those to export to ONNX.`;
}

/** Why the model cannot be written as ONNX, or ok: checked before any weights are read. */
export function onnxSupport(spec: ModelSpec): Result<true> {
  const plan = planLayers(spec);
  if (!plan.ok) return plan;
  for (const { layer, name } of plan.value.layers) {
    if (layer.kind === 'LSTM' || layer.kind === 'GRU' || layer.kind === 'SimpleRNN') {
      const problem = recurrentProblem(layer, name);
      if (problem) return fail(problem);
    }
  }
  return ok(true);
}
