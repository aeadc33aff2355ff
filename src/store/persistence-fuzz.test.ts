import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotRun } from '../core/charts/saved-run';
import { defaultExperiment } from '../core/share/experiment';
import { templateSpec } from '../core/templates';
import { defaultTrainingSettings } from '../core/training/settings';
import { defaultDatasetConfig } from '../data/config';
import { readEntry, readIndex, serialiseEntry, serialiseIndex } from './persistence';

/**
 * What localStorage hands back may be anything: another version's record, a hand edit, a write
 * cut short. Reading it must give a value and sentences, never a throw. Records are random
 * JSON, and valid records mutated the ways storage damages them.
 */
const RUNS = 10_000;

const run = snapshotRun({
  number: 1,
  createdAt: 1,
  sourceRunId: 1,
  outcome: 'finished',
  message: null,
  backend: 'cpu',
  config: {
    spec: templateSpec('mlp'),
    settings: { ...defaultTrainingSettings, loss: 'binary_crossentropy' },
    data: { config: defaultDatasetConfig, summary: '500 points' },
  },
  epochs: [{ epoch: 1, loss: 0.5, valLoss: null, metrics: { accuracy: 0.9 }, valMetrics: {} }],
  losses: [{ epoch: 1, batch: 1, loss: 0.5 }],
  batchesPerEpoch: 1,
});
const validEntry = serialiseEntry(defaultExperiment(), [run], 2).text;
const validIndex = serialiseIndex({
  activeId: 'a',
  entries: [{ id: 'a', name: 'A', createdAt: 1, updatedAt: 2, hasWeights: false }],
});

/** A valid record cut short, with characters changed, inserted or removed. */
const mutated = (valid: string) =>
  fc.oneof(
    fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
    fc
      .array(
        fc.tuple(fc.nat({ max: valid.length }), fc.nat({ max: 3 }), fc.string({ maxLength: 3 })),
        {
          minLength: 1,
          maxLength: 4,
        },
      )
      .map((edits) =>
        edits.reduce((t, [at, cut, put]) => t.slice(0, at) + put + t.slice(at + cut), valid),
      ),
  );

/** A valid record with one field replaced by any JSON value. */
const replaced = (valid: string) => {
  const doc = JSON.parse(valid) as Record<string, unknown>;
  return fc
    .tuple(fc.constantFrom(...Object.keys(doc), 'extra'), fc.jsonValue())
    .map(([key, value]) => JSON.stringify({ ...doc, [key]: value }));
};

const stored = (valid: string) =>
  fc.oneof(
    mutated(valid),
    replaced(valid),
    fc.json(),
    fc.string({ maxLength: 100 }),
    fc.constant(valid),
  );

const sentences = (xs: string[]) => xs.every((x) => typeof x === 'string' && x.length > 0);

describe('stored records, fuzzed', () => {
  it(`reads ${RUNS} random and damaged experiment records without a throw`, () => {
    fc.assert(
      fc.property(stored(validEntry), (text) => {
        const read = readEntry(text);
        expect(sentences(read.ignored)).toBe(true);
        // What could not be read is said; what is returned is usable.
        if (read.value === null) expect(read.ignored.length).toBeGreaterThan(0);
        else expect(read.value.nextRunNumber).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it(`reads ${RUNS} random and damaged index records without a throw`, () => {
    fc.assert(
      fc.property(stored(validIndex), (text) => {
        const read = readIndex(text);
        expect(sentences(read.ignored)).toBe(true);
        expect(new Set(read.value.entries.map((e) => e.id)).size).toBe(read.value.entries.length);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
