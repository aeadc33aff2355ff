import { activation, bool, choice, defineLayer, int, intList } from './params';
import { dim, fail, formatSize, ok, trainable, windowLength } from './shape-math';
import { py } from './keras-mapping';

const pair = { min: 1, max: 64, minLength: 2, maxLength: 2 };

export const conv2dDef = defineLayer({
  kind: 'Conv2D',
  kerasClass: 'Conv2D',
  group: 'Convolution',
  namePrefix: 'conv2d',
  help: 'Slides `filters` small learned patches of kernel_size (height, width) over an image (channels last); each output pixel is activation(sum(patch × kernel) + bias).',
  inputRank: { min: 4, max: 4, dims: '(batch, height, width, channels)' },
  params: {
    filters: int(1, 1024, 32, 'Number of patterns learned (output channels).'),
    kernel_size: intList(pair, [3, 3], 'Patch size as (height, width).'),
    strides: intList(pair, [1, 1], 'Step between patches as (down, across).'),
    padding: choice(
      ['valid', 'same'],
      'valid',
      'valid: no padding; same: zero-pad to keep the size.',
    ),
    activation: activation('linear', 'Function applied to each output.'),
    use_bias: bool(true, 'Add a learned bias to each filter.'),
  },
  keras: {
    config: (p) => ({ ...p, dilation_rate: [1, 1], data_format: 'channels_last' }),
    args: (p) => [
      ['filters', py.int(p.filters)],
      ['kernel_size', py.ints(p.kernel_size)],
      ['strides', py.ints(p.strides)],
      ['padding', py.str(p.padding)],
      ['activation', py.str(p.activation)],
      ['use_bias', py.bool(p.use_bias)],
    ],
  },
  outputShape: (input, p) => {
    const [kh = 1, kw = 1] = p.kernel_size;
    const [sh = 1, sw = 1] = p.strides;
    const h = dim(input, 1);
    const w = dim(input, 2);
    const outH = windowLength(h, kh, p.padding, sh);
    const outW = windowLength(w, kw, p.padding, sw);
    if (outH < 1 || outW < 1) {
      return fail(
        `Conv2D kernel_size ${formatSize(p.kernel_size)} is larger than its input (${h}×${w}) with padding 'valid': use padding 'same' or a smaller kernel_size.`,
      );
    }
    return ok([null, outH, outW, p.filters]);
  },
  paramCount: (input, p) => {
    const [kh = 1, kw = 1] = p.kernel_size;
    return trainable(kh * kw * dim(input, -1) * p.filters + (p.use_bias ? p.filters : 0));
  },
});
