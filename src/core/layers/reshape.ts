import { defineLayer, intList } from './params';
import { fail, formatShape, formatSize, noParams, ok, units } from './shape-math';
import { py } from './keras-mapping';

export const reshapeDef = defineLayer({
  kind: 'Reshape',
  kerasClass: 'Reshape',
  group: 'Reshaping',
  namePrefix: 'reshape',
  help: 'Rearranges the values of one example into target_shape (batch excluded) without changing them; the sizes must multiply to the same total.',
  inputRank: { min: 2, max: 4, dims: '(batch, …)' },
  params: {
    target_shape: intList(
      { min: 1, max: 65536, minLength: 1, maxLength: 3 },
      [32, 1],
      'New shape of one example, e.g. (32, 1).',
    ),
  },
  keepsValueRange: true,
  keras: {
    config: (p) => ({ target_shape: [...p.target_shape] }),
    args: (p) => [['target_shape', py.ints(p.target_shape)]],
  },
  outputShape: (input, p) => {
    const have = units(input);
    const want = p.target_shape.reduce((a, b) => a * b, 1);
    if (have !== want) {
      return fail(
        `Reshape target_shape ${formatSize(p.target_shape)} holds ${want} values but its input ${formatShape(input)} holds ${have}: pick sizes that multiply to ${have}.`,
      );
    }
    return ok([null, ...p.target_shape]);
  },
  paramCount: noParams,
});
