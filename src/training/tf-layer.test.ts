import { describe, expect, it } from 'vitest';
import { LAYER_DEFS, type LayerSpec } from '../core/layers/catalog';
import { initialisers, tfLayer } from './tf-layer';

describe('tfLayer', () => {
  it.each(LAYER_DEFS.map((d) => [d.kind, d] as const))(
    'maps %s to the tfjs layer of the same Keras class',
    (kind, def) => {
      const spec = { id: 'l', kind, params: def.defaults } as LayerSpec;
      const layer = tfLayer(spec, 'probe', initialisers(1, 0));
      expect(layer.getClassName()).toBe(def.kerasClass);
      expect(layer.name).toBe('probe');
    },
  );
});
