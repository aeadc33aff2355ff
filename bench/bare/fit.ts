import * as tf from '@tensorflow/tfjs';
import { OPTIMIZER_EPSILON } from '../../src/training/settings';
import type { TrainingData } from '../../src/training/training-data';
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
  const optimizer = tf.train.adam(r.learningRate, 0.9, 0.999, OPTIMIZER_EPSILON);
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
