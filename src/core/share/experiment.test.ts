import { describe, expect, it } from 'vitest';
import { defaultDatasetConfig } from '../../data/config';
import { inferShapes } from '../shapes';
import {
  defaultTrainingSettings,
  trainingSettingsSchema,
  type TrainingSettings,
} from '../training/settings';
import {
  defaultExperiment,
  defaultTrainingConfig,
  defaultViewConfig,
  TRAINING_RULES,
  VIEW_RULES,
} from './experiment';

describe('the training section', () => {
  it("is the settings schema's fields and defaults, plus the backend choice", () => {
    const { backend, ...settings } = defaultTrainingConfig();
    expect(settings).toEqual(defaultTrainingSettings);
    expect(backend).toBe('auto');
    for (const key of Object.keys(trainingSettingsSchema.shape) as (keyof TrainingSettings)[]) {
      expect(TRAINING_RULES[key].schema, key).toBe(trainingSettingsSchema.shape[key]);
    }
  });

  it('words each number range as the form does', () => {
    expect(TRAINING_RULES.learningRate.expects).toBe(
      'must be a number greater than 0 and at most 10',
    );
    expect(TRAINING_RULES.batchSize.expects).toBe('must be an integer from 1 to 4096');
    expect(TRAINING_RULES.clipNorm.expects).toBe(
      'must be a number greater than 0 and at most 1000, or null for no clipping',
    );
  });
});

describe('the experiment defaults', () => {
  it('are what a first visit shows: the MLP on the circle data, trained with Adam', () => {
    const exp = defaultExperiment();
    expect(inferShapes(exp.model).ok).toBe(true);
    expect(exp.model.layers.map((l) => l.kind)).toEqual(['Input', 'Dense', 'Dense', 'Dense']);
    expect(exp.data).toEqual(defaultDatasetConfig);
    expect(exp.training).toEqual({
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 32,
      epochs: 20,
      loss: 'auto',
      metrics: ['accuracy'],
      clipNorm: null,
      fusedRecurrent: true,
      seed: 1,
      backend: 'auto',
    });
    expect(exp.view).toEqual({
      panel: 'builder',
      graphDirection: 'TB',
      smoothing: 0,
      logScale: false,
    });
  });

  it('pass their own rules, and each call gives a fresh copy', () => {
    for (const [key, rule] of Object.entries({ ...TRAINING_RULES, ...VIEW_RULES })) {
      expect(rule.schema.safeParse(rule.default).success, key).toBe(true);
    }
    const a = defaultExperiment();
    a.training.metrics.push('mae');
    a.model.layers.pop();
    expect(defaultExperiment().training.metrics).toEqual(['accuracy']);
    expect(defaultExperiment().model.layers).toHaveLength(4);
    expect(defaultTrainingConfig()).not.toBe(defaultTrainingConfig());
    expect(defaultViewConfig()).toEqual(defaultViewConfig());
  });

  it('hold numbers to their ranges', () => {
    const ok = (rule: { schema: { safeParse(v: unknown): { success: boolean } } }, v: unknown) =>
      rule.schema.safeParse(v).success;
    expect(ok(TRAINING_RULES.learningRate, 1e-6)).toBe(true);
    expect(ok(TRAINING_RULES.learningRate, 5e-7)).toBe(true);
    expect(ok(TRAINING_RULES.learningRate, 0)).toBe(false);
    expect(ok(TRAINING_RULES.learningRate, Number.NaN)).toBe(false);
    expect(ok(TRAINING_RULES.batchSize, 4096)).toBe(true);
    expect(ok(TRAINING_RULES.batchSize, 4097)).toBe(false);
    expect(ok(TRAINING_RULES.epochs, 2.5)).toBe(false);
    expect(ok(TRAINING_RULES.seed, 2 ** 31)).toBe(false);
    expect(ok(TRAINING_RULES.metrics, ['mae', 'accuracy', 'mae'])).toBe(true);
    expect(TRAINING_RULES.metrics.schema.parse(['mae', 'accuracy', 'mae'])).toEqual([
      'accuracy',
      'mae',
    ]);
    expect(ok(TRAINING_RULES.metrics, ['f1'])).toBe(false);
    expect(ok(VIEW_RULES.smoothing, 1)).toBe(false);
    expect(ok(TRAINING_RULES.backend, 'webgpu-first')).toBe(true);
    // Saved before Auto measured by default, "Auto (fastest)" reads as today's Auto.
    expect(TRAINING_RULES.backend.schema.parse('fastest')).toBe('auto');
    expect(ok(TRAINING_RULES.backend, 'fastest-ever')).toBe(false);
    expect(ok(TRAINING_RULES.clipNorm, null)).toBe(true);
    expect(ok(TRAINING_RULES.clipNorm, 0)).toBe(false);
  });
});
