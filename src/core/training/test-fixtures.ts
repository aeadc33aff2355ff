import { createRng } from '../../data/random';
import { specFrom } from '../spec-from';
import type { ModelSpec } from '../model-spec';
import { defaultTrainingSettings, type RunSettings } from './settings';
import type { TrainingData } from './training-data';

/** Test-only helpers (imported by *.test.ts): a learnable 2-D problem and a small MLP for it. */
export function halfPlaneData(samples = 256, trainShare = 0.75, seed = 3): TrainingData {
  const rng = createRng(seed);
  const x = new Float32Array(samples * 2);
  const y = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    const a = rng.uniform(-1, 1);
    const b = rng.uniform(-1, 1);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = a + 0.5 * b > 0 ? 1 : 0;
  }
  return {
    x,
    xShape: [samples, 2],
    y,
    yShape: [samples, 1],
    trainCount: Math.round(samples * trainShare),
    numClasses: 2,
  };
}

export function smallMlp(): ModelSpec {
  return specFrom([
    ['Input', { shape: [2] }],
    ['Dense', { units: 8, activation: 'relu' }],
    ['Dropout', { rate: 0.1 }],
    ['Dense', { units: 1, activation: 'sigmoid' }],
  ]);
}

export function runSettings(patch: Partial<RunSettings> = {}): RunSettings {
  return {
    ...defaultTrainingSettings,
    loss: 'binary_crossentropy',
    learningRate: 0.05,
    epochs: 4,
    ...patch,
  };
}
