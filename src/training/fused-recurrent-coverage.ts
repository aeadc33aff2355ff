import type { LayerSpecOf } from '../core/layers/catalog';
import { isFusableActivation } from './kernels/webgpu/activations-wgsl';
import {
  workgroupFloats,
  type RecurrentKind,
  type RecurrentShaderConfig,
} from './kernels/webgpu/recurrent-wgsl';

/** WebGPU guarantees 16 KiB of workgroup memory (maxComputeWorkgroupStorageSize). */
const WORKGROUP_FLOATS = 16384 / 4;

export type RecurrentLayerSpec = LayerSpecOf<RecurrentKind>;

export interface FusedRecurrentConfig extends RecurrentShaderConfig {
  returnSequences: boolean;
}

/** Whether the fused kernels can run this layer, and if not, a sentence saying why. */
export type FusedCoverage =
  { ok: true; config: FusedRecurrentConfig } | { ok: false; reason: string };

/** The largest units the fused kernels of a kind hold in workgroup memory. */
export function maxFusedUnits(kind: RecurrentKind): number {
  let units = 1;
  while (workgroupFloats(kind, units + 1) <= WORKGROUP_FLOATS) units += 1;
  return units;
}

export function fusedCoverage(layer: RecurrentLayerSpec): FusedCoverage {
  const p = layer.params;
  // SimpleRNN has no gates; the value only fills the shader config, which ignores it.
  const recurrentActivation =
    layer.kind === 'SimpleRNN' ? 'sigmoid' : layer.params.recurrent_activation;
  if (p.dropout > 0) return { ok: false, reason: 'dropout is not fused' };
  if (p.recurrent_dropout > 0) return { ok: false, reason: 'recurrent_dropout is not fused' };
  if (!isFusableActivation(p.activation))
    return { ok: false, reason: `the ${p.activation} activation is not fused` };
  if (!isFusableActivation(recurrentActivation))
    return { ok: false, reason: `the ${recurrentActivation} recurrent_activation is not fused` };
  const max = maxFusedUnits(layer.kind);
  if (p.units > max)
    return { ok: false, reason: `${p.units} units is more than the fused kernel holds (${max})` };
  return {
    ok: true,
    config: {
      kind: layer.kind,
      units: p.units,
      activation: p.activation,
      recurrentActivation,
      useBias: p.use_bias,
      returnSequences: p.return_sequences,
    },
  };
}
