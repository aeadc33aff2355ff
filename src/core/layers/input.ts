import { intList, defineLayer } from './params';
import { noParams, ok } from './shape-math';
import { py } from './keras-mapping';

export const inputDef = defineLayer({
  kind: 'Input',
  kerasClass: 'InputLayer',
  group: 'Core',
  namePrefix: 'input_layer',
  help: 'Declares the shape of one example, without the batch: (features), (timesteps, features) or (height, width, channels).',
  params: {
    shape: intList(
      { min: 1, max: 65536, minLength: 1, maxLength: 3 },
      [32, 1],
      'Size of each dimension of one example, e.g. 32 timesteps of 1 feature is (32, 1).',
    ),
  },
  keras: {
    config: (p) => ({ batch_input_shape: [null, ...p.shape], dtype: 'float32', sparse: false }),
    args: (p) => [['shape', py.ints(p.shape)]],
    callee: 'keras.Input',
  },
  outputShape: (_input, p) => ok([null, ...p.shape]),
  paramCount: noParams,
});
