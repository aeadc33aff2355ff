// The live charts' workload (issue #19): what a new user trains first, the "Vanilla MLP"
// template on the circle data, classified with accuracy and a validation split, so every live
// view has something to draw (loss per batch and per epoch, accuracy, decision boundary,
// confusion matrix); in batches of 16 on the CPU backend, so the worker reports many batches a
// second and a chart redrawn 10 times a second has something new each time. The reference
// workloads (workloads.mjs) are too slow for that on 2 cores (the LSTM's few batches a second).
import { SEED } from './workloads.mjs';

export const LIVE = {
  id: 'live',
  title: 'Vanilla MLP 2-8-8-1 on circle, batch 16',
  backend: 'cpu',
  batchSize: 16,
  /** The app's 'mlp' template (src/core/templates.ts). */
  layers: [
    ['Input', { shape: [2] }],
    ['Dense', { units: 8, activation: 'relu' }],
    ['Dense', { units: 8, activation: 'relu' }],
    ['Dense', { units: 1, activation: 'sigmoid' }],
  ],
};

/** Points of the circle set (a fifth kept for validation): 100 batches of 16 an epoch. */
export const LIVE_SAMPLES = 2000;

/** What appSpeed sets up (the shape of workloads.mjs' recipe, plus the loss and metrics). */
export function liveRecipe(samples = LIVE_SAMPLES) {
  return {
    layers: LIVE.layers,
    dataset: {
      config: {
        source: 'builtin',
        id: 'circle',
        samples,
        noise: 0.1,
        seed: SEED,
        prepare: { validationSplit: 0.2 },
      },
      csvText: null,
    },
    batchSize: LIVE.batchSize,
    learningRate: 0.01,
    seed: SEED,
    loss: 'auto',
    metrics: ['accuracy'],
  };
}
