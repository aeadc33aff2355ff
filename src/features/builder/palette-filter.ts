import { LAYER_DEFS, type LayerKind } from '../../core/layers/catalog';
import type { LayerDef, LayerGroup } from '../../core/layers/types';

export const GROUP_ORDER: readonly LayerGroup[] = [
  'Core',
  'Recurrent',
  'Convolution',
  'Pooling',
  'Normalisation',
  'Regularisation',
  'Reshaping',
  'Activation',
  'Advanced activations',
];

/** A catalog entry with its kind narrowed to LayerKind, so it can be added to a model. */
export type PaletteDef = LayerDef<LayerKind>;

export interface PaletteGroup {
  group: LayerGroup;
  defs: PaletteDef[];
}

const haystack = (d: PaletteDef) => `${d.kind} ${d.kerasClass} ${d.group} ${d.help}`.toLowerCase();

/**
 * The catalog grouped in palette order, keeping the kinds whose name, group or help contains
 * every word of `query` ("pool 1d" finds the 1-D pooling layers). Empty groups are dropped.
 */
export function paletteGroups(query: string): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const defs = (LAYER_DEFS as readonly PaletteDef[]).filter((d) => {
    const text = haystack(d);
    return words.every((w) => text.includes(w));
  });
  return GROUP_ORDER.map((group) => ({
    group,
    defs: defs.filter((d) => d.group === group),
  })).filter((g) => g.defs.length > 0);
}
