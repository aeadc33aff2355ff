import { bool, defineLayer, float } from './params';
import { dim, ok } from './shape-math';
import { py } from './keras-mapping';

export const batchNormalizationDef = defineLayer({
  kind: 'BatchNormalization',
  kerasClass: 'BatchNormalization',
  group: 'Normalisation',
  namePrefix: 'batch_normalization',
  help: 'Normalises each feature (last axis) to zero mean and unit variance over the batch, then scales by a learned gamma and shifts by a learned beta. A moving mean and variance, not trained, are used at prediction time.',
  inputRank: { min: 2, max: 4, dims: '(batch, …, features)' },
  params: {
    momentum: float(0, 1, 0.99, 'How slowly the moving mean and variance follow each batch.'),
    epsilon: float(1e-7, 1, 0.001, 'Small number added to the variance to avoid dividing by 0.'),
    center: bool(true, 'Learn a shift (beta) for each feature.'),
    scale: bool(true, 'Learn a scale (gamma) for each feature.'),
  },
  keras: {
    config: (p) => ({ axis: -1, ...p }),
    args: (p) => [
      ['momentum', py.float(p.momentum)],
      ['epsilon', py.float(p.epsilon)],
      ['center', py.bool(p.center)],
      ['scale', py.bool(p.scale)],
    ],
  },
  outputShape: (input) => ok(input),
  // gamma and beta are trained; the moving mean and variance are not, but always exist.
  paramCount: (input, p) => {
    const c = dim(input, -1);
    return { trainable: c * (Number(p.center) + Number(p.scale)), nonTrainable: 2 * c };
  },
});
