import { choice, defineLayer, intList, nullable } from './params';
import { dim, fail, formatSize, noParams, ok, windowLength } from './shape-math';
import { py } from './keras-mapping';

const pair = { min: 1, max: 64, minLength: 2, maxLength: 2 };

export const maxPooling2dDef = defineLayer({
  kind: 'MaxPooling2D',
  kerasClass: 'MaxPooling2D',
  group: 'Pooling',
  namePrefix: 'max_pooling2d',
  help: 'Downsamples an image by keeping the largest value in each (height, width) window: pool_size is the window, strides the step (defaults to pool_size), padding valid or same.',
  inputRank: { min: 4, max: 4, dims: '(batch, height, width, channels)' },
  params: {
    pool_size: intList(pair, [2, 2], 'Window size as (height, width).'),
    strides: nullable(intList(pair, [2, 2], 'Step as (down, across).'), 'same as pool_size'),
    padding: choice(
      ['valid', 'same'],
      'valid',
      'valid: drop rows and columns that do not fill a window; same: pad so all are covered.',
    ),
  },
  pooling: 'max',
  keepsValueRange: true,
  keras: {
    config: (p) => ({ ...p, data_format: 'channels_last' }),
    args: (p) => [
      ['pool_size', py.ints(p.pool_size)],
      ['strides', p.strides === null ? py.none : py.ints(p.strides)],
      ['padding', py.str(p.padding)],
    ],
  },
  outputShape: (input, p) => {
    const [ph = 1, pw = 1] = p.pool_size;
    const [sh = ph, sw = pw] = p.strides ?? p.pool_size;
    const h = dim(input, 1);
    const w = dim(input, 2);
    const outH = windowLength(h, ph, p.padding, sh);
    const outW = windowLength(w, pw, p.padding, sw);
    if (outH < 1 || outW < 1) {
      return fail(
        `MaxPooling2D pool_size ${formatSize(p.pool_size)} is larger than its input (${h}×${w}) with padding 'valid': use padding 'same' or a smaller pool_size.`,
      );
    }
    return ok([null, outH, outW, dim(input, 3)]);
  },
  paramCount: noParams,
});
