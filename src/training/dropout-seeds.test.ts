import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { buildModel } from './build-model';
import { dropoutReseeder } from './dropout-seeds';
import { smallMlp } from '../core/training/test-fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

it('gives a seeded Dropout a new mask every step, the same ones for the same run', () => {
  const model = buildModel(smallMlp(), { seed: 3 });
  const dropout = model.layers[2]!;
  const mask = () =>
    tf.tidy(() =>
      Array.from((dropout.apply(tf.ones([1, 64]), { training: true }) as tf.Tensor).dataSync()),
    );
  // Without reseeding, tfjs repeats the mask: the problem this works around.
  expect(mask()).toEqual(mask());
  const reseed = dropoutReseeder(model);
  reseed(0);
  const first = mask();
  reseed(1);
  const second = mask();
  expect(second).not.toEqual(first);
  reseed(0);
  expect(mask()).toEqual(first);
  model.dispose();
});
