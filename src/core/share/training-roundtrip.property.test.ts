import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKEND_CHOICES } from '../training/backend-names';
import { decodeExperiment, encodeExperiment } from './codec';
import { defaultExperiment } from './experiment';
import { trainingSettingsArb } from './testing/arbitraries';

// The link and the autosave are both encodeExperiment → decodeExperiment, so one round trip
// covers both: whatever the settings schema accepts (the form, the store, the worker) must
// come back as it went in, with no note about a refused value.
describe('training settings through a link or the autosave', () => {
  it('come back unchanged, whatever the one schema accepts', () => {
    const backend = fc.constantFrom(...BACKEND_CHOICES);
    fc.assert(
      fc.property(trainingSettingsArb, backend, (settings, choice) => {
        const training = { ...settings, backend: choice };
        const decoded = decodeExperiment(encodeExperiment({ ...defaultExperiment(), training }));
        expect(decoded.ignored).toEqual([]);
        expect(decoded.experiment.training).toEqual(training);
      }),
      { numRuns: 500 },
    );
  });

  it('keep the extremes of each range, the learning rates 5e-7 and 10 among them', () => {
    for (const learningRate of [5e-7, Number.MIN_VALUE, 10]) {
      const training = { ...defaultExperiment().training, learningRate };
      const decoded = decodeExperiment(encodeExperiment({ ...defaultExperiment(), training }));
      expect(decoded.ignored).toEqual([]);
      expect(decoded.experiment.training.learningRate).toBe(learningRate);
    }
  });
});
