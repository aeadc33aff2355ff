import { defineLayer, float } from './params';
import { noParams, ok } from './shape-math';

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
  outputShape: (input) => ok(input),
  paramCount: noParams,
});
