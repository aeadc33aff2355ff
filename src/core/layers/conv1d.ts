import { activation, bool, choice, defineLayer, int } from './params';
import { dim, fail, ok, trainable, windowLength } from './shape-math';
import { one, py } from './keras-mapping';

export const conv1dDef = defineLayer({
  kind: 'Conv1D',
  kerasClass: 'Conv1D',
  group: 'Convolution',
  namePrefix: 'conv1d',
  help: 'Slides `filters` small learned patterns of kernel_size steps along time; each output step is activation(sum(window × kernel) + bias). padding: valid shrinks the output, same keeps its length, causal keeps it and only looks at past steps.',
  inputRank: { min: 3, max: 3, dims: '(batch, steps, channels)' },
  params: {
    filters: int(1, 1024, 32, 'Number of patterns learned (output channels).'),
    kernel_size: int(1, 64, 3, 'Length of each pattern, in steps.'),
    strides: int(1, 64, 1, 'Step between windows; 2 halves the length.'),
    padding: choice(
      ['valid', 'same', 'causal'],
      'valid',
      'valid: no padding; same: zero-pad to keep the length; causal: pad only the past.',
    ),
    dilation_rate: int(1, 64, 1, 'Gap between the kernel taps; 2 looks at every other step.'),
    activation: activation('linear', 'Function applied to each output.'),
    use_bias: bool(true, 'Add a learned bias to each filter.'),
  },
  keras: {
    config: (p) => ({
      ...p,
      kernel_size: one(p.kernel_size),
      strides: one(p.strides),
      dilation_rate: one(p.dilation_rate),
      data_format: 'channels_last',
    }),
    args: (p) => [
      ['filters', py.int(p.filters)],
      ['kernel_size', py.int(p.kernel_size)],
      ['strides', py.int(p.strides)],
      ['padding', py.str(p.padding)],
      ['dilation_rate', py.int(p.dilation_rate)],
      ['activation', py.str(p.activation)],
      ['use_bias', py.bool(p.use_bias)],
    ],
  },
  outputShape: (input, p) => {
    if (p.strides > 1 && p.dilation_rate > 1) {
      return fail(
        `Conv1D can't combine strides ${p.strides} with dilation_rate ${p.dilation_rate}: set one of them to 1.`,
      );
    }
    const steps = dim(input, 1);
    const length = windowLength(steps, p.kernel_size, p.padding, p.strides, p.dilation_rate);
    if (length < 1) {
      const span = (p.kernel_size - 1) * p.dilation_rate + 1;
      const what =
        p.dilation_rate > 1
          ? `kernel_size ${p.kernel_size} with dilation_rate ${p.dilation_rate} spans ${span} steps, longer than`
          : `kernel_size ${p.kernel_size} is longer than`;
      return fail(
        `Conv1D ${what} its input (${steps} steps) with padding 'valid': use padding 'same' or 'causal', or a smaller kernel_size.`,
      );
    }
    return ok([null, length, p.filters]);
  },
  paramCount: (input, p) =>
    trainable(p.kernel_size * dim(input, -1) * p.filters + (p.use_bias ? p.filters : 0)),
});
