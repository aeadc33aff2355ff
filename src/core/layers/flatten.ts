import { defineLayer } from './params';
import { noParams, ok, units } from './shape-math';
import { NO_KERAS_ARGS } from './keras-mapping';

export const flattenDef = defineLayer({
  kind: 'Flatten',
  kerasClass: 'Flatten',
  group: 'Reshaping',
  namePrefix: 'flatten',
  help: 'Lays all values of one example out in a single row, e.g. (8, 4) becomes (32), so a Dense layer can follow.',
  // Keras would pass a 2-D input through; tfjs-layers refuses it (min_ndim=3), and it is a no-op.
  inputRank: {
    min: 3,
    max: 4,
    dims: '(batch, …)',
    belowMin: 'it is already flat, so remove the Flatten.',
  },
  params: {},
  keepsValueRange: true,
  keras: NO_KERAS_ARGS,
  outputShape: (input) => ok([null, units(input)]),
  paramCount: noParams,
});
