import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeExperiment } from './codec';
import { defaultTrainingConfig } from './experiment';
import { CURRENT_VERSION, MIGRATIONS, migrate, type Migration } from './migrations';
import { isRecord } from './safe-json';

// A made-up history: version 0 called the training section `fit` and stored the learning rate
// as a string `lr`; version 1 is today's shape; version 2 adds a view field. It shows that a new
// version is one function in the table.
const v0ToV1: Migration = (doc) => {
  const { fit, ...rest } = doc;
  const { lr, ...old } = isRecord(fit) ? fit : {};
  return { ...rest, v: 1, training: { ...old, learningRate: Number(lr) } };
};
const v1ToV2: Migration = (doc) => {
  const view = isRecord(doc['view']) ? doc['view'] : {};
  return { ...doc, v: 2, view: { ...view, zoom: 1 } };
};
const table = { 0: v0ToV1, 1: v1ToV2 };

const link = (doc: unknown) => `e1.${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}`;

describe('migrate', () => {
  it('upgrades a version-0 document to version 1 with a fake migration', () => {
    const r = migrate(0, { v: 0, fit: { lr: '0.05', epochs: 3 } }, table, 1);
    expect(r).toEqual({ ok: true, value: { v: 1, training: { learningRate: 0.05, epochs: 3 } } });
  });

  it('upgrades a version-0 link when decoding, so the old link opens as it was', () => {
    const old = link({ v: 0, fit: { lr: '0.05', epochs: 3 } });
    const { experiment, ignored } = decodeExperiment(old, {
      migrations: { ...MIGRATIONS, 0: v0ToV1 },
    });
    expect(ignored).toEqual([]);
    expect(experiment.training).toEqual({
      ...defaultTrainingConfig(),
      learningRate: 0.05,
      epochs: 3,
    });
    // Without the step, the same link still opens, and says why its version was not upgraded.
    const plain = decodeExperiment(old);
    expect(plain.ignored).toContain(
      `link.v: there is no upgrade from format version 0; it was read as version ${CURRENT_VERSION}`,
    );
    expect(plain.ignored).toContain(
      'link.fit: not part of a Layerlab experiment, so it was ignored',
    );
  });

  it('chains migrations, one per version', () => {
    const r = migrate(0, { v: 0, fit: { lr: '1' }, view: { panel: 'graph' } }, table, 2);
    expect(r.ok && r.value).toEqual({
      v: 2,
      training: { learningRate: 1 },
      view: { panel: 'graph', zoom: 1 },
    });
  });

  it('leaves a current document as it is', () => {
    const doc = { v: 1, training: {} };
    expect(migrate(1, doc, table, 1)).toEqual({ ok: true, value: doc });
  });

  it('says which step is missing or failed instead of throwing', () => {
    expect(migrate(0, {}, {}, 1)).toEqual({
      ok: false,
      reason: 'there is no upgrade from format version 0',
    });
    const broken: Migration = () => {
      throw new Error('bug');
    };
    expect(migrate(0, {}, { 0: broken }, 1)).toEqual({
      ok: false,
      reason: 'upgrading it from format version 0 failed',
    });
    expect(migrate(-1, {}, table, 1).ok).toBe(false);
    expect(migrate(0.5, {}, table, 1).ok).toBe(false);
  });

  it('has a step for every version before the current one', () => {
    for (let v = 1; v < CURRENT_VERSION; v++) expect(MIGRATIONS[v]).toBeTypeOf('function');
    expect(migrate(CURRENT_VERSION, { v: CURRENT_VERSION }).ok).toBe(true);
  });
});
