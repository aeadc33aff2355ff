import * as tf from '@tensorflow/tfjs';
import {
  ADAM_BETA_1,
  ADAM_BETA_2,
  OPTIMIZER_EPSILON,
} from '../../src/core/training/optimizer-constants';
import type { TrainingData } from '../../src/core/training/training-data';
import { plainModel } from './plain-model';
import type { TrainRecipe } from './protocol';

export interface FitResult {
  /** Milliseconds from fit() to the end of each epoch. */
  epochEndsMs: number[];
  losses: number[];
  params: number;
}

/**
 * Plain tfjs: compile + fit, shuffled, no validation, the same optimizer settings as the app.
 * yieldEvery 'never' because nothing else shares this worker: fit's default ('auto') would wait
 * for animation frames between batches and make the baseline look slower than it is.
 */
export async function plainFit(
  d: TrainingData,
  r: TrainRecipe,
  epochs: number,
): Promise<FitResult> {
  const model = plainModel(r.layers, r.seed);
  const optimizer = tf.train.adam(r.learningRate, ADAM_BETA_1, ADAM_BETA_2, OPTIMIZER_EPSILON);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const x = tf.tensor(d.x, d.xShape);
  const y = tf.tensor2d(d.y, [d.yShape[0] ?? 0, d.yShape[1] ?? 1]);
  const epochEndsMs: number[] = [];
  const losses: number[] = [];
  const start = performance.now();
  try {
    await model.fit(x, y, {
      batchSize: r.batchSize,
      epochs,
      shuffle: true,
      verbose: 0,
      yieldEvery: 'never',
      callbacks: {
        onEpochEnd: (_epoch, logs) => {
          epochEndsMs.push(performance.now() - start);
          losses.push(Number(logs?.loss ?? NaN));
        },
      },
    });
    return { epochEndsMs, losses, params: model.countParams() };
  } finally {
    tf.dispose([x, y]);
    optimizer.dispose();
    model.dispose();
  }
}
