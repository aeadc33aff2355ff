import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { defaultSweepDefinition, type SweepDefinition } from '../sweep/definition';
import { decodeExperiment, encodeExperiment, HASH_PREFIX } from './codec';
import { defaultExperiment } from './experiment';

const sweep: SweepDefinition = {
  ...defaultSweepDefinition(),
  strategy: 'random',
  count: 12,
  seed: 7,
  earlyStopping: { monitor: 'val_loss', patience: 2, min_delta: 0.001 },
};

describe('the sweep in a link', () => {
  it('travels with the experiment and comes back equal', () => {
    const decoded = decodeExperiment(encodeExperiment({ ...defaultExperiment(), sweep }));
    expect(decoded.ignored).toEqual([]);
    expect(decoded.experiment.sweep).toEqual(sweep);
  });

  it('is absent from links without one, which read as before', () => {
    const hash = encodeExperiment(defaultExperiment());
    const doc = JSON.parse(
      LZString.decompressFromEncodedURIComponent(hash.slice(HASH_PREFIX.length)),
    );
    expect(doc).not.toHaveProperty('sweep');
    expect(decodeExperiment(hash).experiment.sweep).toBeUndefined();
  });

  it('is left out, with the reason, when it is damaged; the experiment still opens', () => {
    const bad = { ...defaultExperiment(), sweep: { ...sweep, count: 500 } };
    const decoded = decodeExperiment(encodeExperiment(bad));
    expect(decoded.experiment.sweep).toBeUndefined();
    expect(decoded.experiment.model).toEqual(bad.model);
    expect(decoded.ignored.join(' ')).toMatch(/link\.sweep: .*at count.*left out/);
  });
});
