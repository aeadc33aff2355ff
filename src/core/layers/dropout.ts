import { defineLayer, float } from './params';
import { noParams, ok } from './shape-math';
import { py } from './keras-mapping';

export const dropoutDef = defineLayer({
  kind: 'Dropout',
  kerasClass: 'Dropout',
  group: 'Regularisation',
  namePrefix: 'dropout',
  help: "Randomly zeroes a fraction `rate` of its inputs during training (and scales the rest up) so the net can't rely on any single unit, which fights overfitting. Does nothing at prediction time.",
  inputRank: { min: 2, max: 4, dims: '(batch, …)' },
  params: {
    rate: float(0, 1, 0.5, 'Fraction of inputs zeroed at each training step.', {
      maxExclusive: true,
    }),
  },
  keepsValueRange: true,
  keras: {
    config: (p) => ({ rate: p.rate }),
    args: (p) => [['rate', py.float(p.rate)]],
  },
  outputShape: (input) => ok(input),
  paramCount: noParams,
});
