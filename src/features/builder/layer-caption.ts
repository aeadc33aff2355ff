import { looseDef, type LayerSpec } from '../../core/layers/catalog';

/** A value as Keras code would print it: (32, 1), None, True, relu. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return value.length === 1 ? `(${value[0]},)` : `(${value.join(', ')})`;
  return String(value);
}

const MAX_PARTS = 3;

/**
 * The arguments worth seeing on a card without opening it: the first (units, filters, rate,
 * shape…), the activation, then any others changed from their Keras default.
 */
export function layerCaption(layer: LayerSpec): string {
  const def = looseDef(layer.kind);
  const params = layer.params as Record<string, unknown>;
  const defaults = def.defaults as Record<string, unknown>;
  const parts = def.fields
    .filter(
      (f, i) =>
        i === 0 ||
        f.name === 'activation' ||
        JSON.stringify(params[f.name]) !== JSON.stringify(defaults[f.name]),
    )
    .slice(0, MAX_PARTS)
    .map((f) => `${f.name}=${formatValue(params[f.name])}`);
  return parts.join(' · ');
}
