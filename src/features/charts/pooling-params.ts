import type { PoolLayout, Padding } from '../../core/charts/pooling-windows';
import { poolLayout } from '../../core/charts/pooling-windows';
import { isLayerKind, looseDef } from '../../core/layers/catalog';
import type { ModelSpec } from '../../core/model-spec';
import type { PoolingProbe } from '../../core/training/probe-types';

/** A pooling probe's window layout per axis, from the layer's parameters in the run's spec. */
export interface PoolingGeometry {
  mode: 'max' | 'average';
  /** One layout for 1-D, [rows, columns] for 2-D. */
  axes: PoolLayout[];
  params: string;
}

const pairOf = (v: number | number[] | null | undefined, fallback: [number, number]) =>
  Array.isArray(v) ? [v[0] ?? fallback[0], v[1] ?? fallback[1]] : v == null ? fallback : [v, v];

export function poolingGeometry(
  probe: PoolingProbe,
  spec: ModelSpec | null,
): PoolingGeometry | null {
  const mode = isLayerKind(probe.kind) ? looseDef(probe.kind).pooling : undefined;
  // A probe from a newer or older build may name a kind this one lacks or does not pool.
  if (mode === undefined) return null;
  const steps = probe.inputShape[0] ?? 0;
  if (probe.kind.startsWith('Global')) {
    return {
      mode,
      axes: [poolLayout(steps, steps, steps, 'valid')],
      params: 'one window over all steps',
    };
  }
  const layer = spec?.layers[probe.index];
  // The run's own spec; a different layer at that index means the probe is from another model.
  if (!layer || layer.kind !== probe.kind) return null;
  const p = layer.params as {
    pool_size: number | number[];
    strides: number | number[] | null;
    padding: Padding;
  };
  if (probe.kind === 'MaxPooling2D') {
    const pool = pairOf(p.pool_size, [2, 2]);
    const stride = pairOf(p.strides, pool as [number, number]);
    const axes = [0, 1].map((a) =>
      poolLayout(probe.inputShape[a] ?? 0, pool[a] ?? 1, stride[a] ?? 1, p.padding),
    );
    return {
      mode,
      axes,
      params: `pool_size (${pool.join(', ')}), strides (${stride.join(', ')}), padding '${p.padding}'`,
    };
  }
  const pool = typeof p.pool_size === 'number' ? p.pool_size : (p.pool_size[0] ?? 1);
  const stride =
    p.strides === null ? pool : typeof p.strides === 'number' ? p.strides : (p.strides[0] ?? pool);
  return {
    mode,
    axes: [poolLayout(steps, pool, stride, p.padding)],
    params: `pool_size ${pool}, strides ${stride}, padding '${p.padding}'`,
  };
}
