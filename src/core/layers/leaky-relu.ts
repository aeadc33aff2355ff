import { defineLayer, float } from './params';
import { noParams, ok } from './shape-math';
import { py } from './keras-mapping';

export const leakyReluDef = defineLayer({
  kind: 'LeakyReLU',
  kerasClass: 'LeakyReLU',
  group: 'Advanced activations',
  namePrefix: 'leaky_re_lu',
  help: "f(x) = x if x > 0, else alpha · x: lets a small slope through for negative values so units can't get stuck at zero.",
  inputRank: { min: 2, max: 4, dims: '(batch, …)' },
  params: {
    // 0.3 as in Keras 2 and tfjs (Keras 3 calls it negative_slope, same default).
    alpha: float(0, 1, 0.3, 'Slope for negative values.'),
  },
  keras: {
    // `alpha` is what tfjs and Keras 2 read; Keras 3 reads it too (as negative_slope).
    config: (p) => ({ alpha: p.alpha }),
    args: (p) => [['negative_slope', py.float(p.alpha)]],
    note: 'Keras 3 name; Keras 2 (TensorFlow <= 2.15) calls it alpha',
    aliases: { alpha: 'negative_slope' },
  },
  outputShape: (input) => ok(input),
  paramCount: noParams,
});
