import { defineLayer } from './params';
import { ok, trainable, units } from './shape-math';
import { NO_KERAS_ARGS } from './keras-mapping';

export const preluDef = defineLayer({
  kind: 'PReLU',
  kerasClass: 'PReLU',
  group: 'Advanced activations',
  namePrefix: 'p_re_lu',
  help: 'Parametric ReLU: f(x) = x if x > 0, else alpha · x, where alpha is learned separately for every input value (starting at 0).',
  inputRank: { min: 2, max: 4, dims: '(batch, …)' },
  params: {},
  keras: NO_KERAS_ARGS,
  outputShape: (input) => ok(input),
  // No shared_axes: one alpha per value of an example.
  paramCount: (input) => trainable(units(input)),
});
