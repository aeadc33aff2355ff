import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { datasetConfigSchema } from '../../data/config';
import { parseModelSpec } from '../model-spec';
import { decodeExperiment, encodeExperiment, HASH_PREFIX, type Decoded } from './codec';
import { TRAINING_RULES, VIEW_RULES } from './experiment';
import { decompressBounded } from './lz-bounded';
import { experimentArb } from './testing/arbitraries';

const URI_ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'];
const link = (doc: unknown) =>
  HASH_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify(doc) ?? 'null');

/** Whatever came in, what comes out is a usable experiment and a list of sentences. */
function expectUsable(d: Decoded) {
  expect(parseModelSpec(d.experiment.model).ok).toBe(true);
  expect(datasetConfigSchema.safeParse(d.experiment.data).success).toBe(true);
  for (const [key, rule] of Object.entries(TRAINING_RULES)) {
    const value = (d.experiment.training as Record<string, unknown>)[key];
    expect(rule.schema.safeParse(value).success).toBe(true);
  }
  for (const [key, rule] of Object.entries(VIEW_RULES)) {
    const value = (d.experiment.view as Record<string, unknown>)[key];
    expect(rule.schema.safeParse(value).success).toBe(true);
  }
  for (const note of d.ignored) expect(note).toMatch(/^(link|model|data|training|view)[.:]/);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}

const decodesSafely = (hash: string) => {
  expectUsable(decodeExperiment(hash));
};

describe('decodeExperiment never throws', () => {
  it('on random text, with and without the e1. tag', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), decodesSafely), { numRuns: 1000 });
    const tagged = fc.string({ maxLength: 300 }).map((s) => HASH_PREFIX + s);
    fc.assert(fc.property(tagged, decodesSafely), { numRuns: 1000 });
  });

  it('on random Unicode, lone surrogates included', () => {
    const text = fc.string({ unit: 'binary', maxLength: 200 });
    fc.assert(fc.property(text, decodesSafely), { numRuns: 600 });
    fc.assert(
      fc.property(
        text.map((s) => HASH_PREFIX + s),
        decodesSafely,
      ),
      { numRuns: 600 },
    );
  });

  it('on random streams of the URL-safe alphabet (random lz-string input)', () => {
    const stream = fc.string({ unit: fc.constantFrom(...URI_ALPHABET), maxLength: 600 });
    fc.assert(
      fc.property(
        stream.map((s) => HASH_PREFIX + s),
        decodesSafely,
      ),
      { numRuns: 1500 },
    );
  });

  it('on truncated and corrupted valid links', () => {
    const cut = experimentArb.chain((exp) => {
      const hash = encodeExperiment(exp);
      return fc.tuple(
        fc.constant(hash),
        fc.nat({ max: hash.length }),
        fc.constantFrom(...URI_ALPHABET),
      );
    });
    fc.assert(
      fc.property(cut, ([hash, at, ch]) => {
        decodesSafely(hash.slice(0, at));
        decodesSafely(hash.slice(0, at) + ch + hash.slice(at + 1));
      }),
      { numRuns: 400 },
    );
  });

  it('on random JSON, compressed as a link would be', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => decodesSafely(link(v))),
      {
        numRuns: 800,
      },
    );
  });

  it('on experiments whose sections or fields are replaced by random values', () => {
    const sectionKey = fc.constantFrom('v', 'model', 'data', 'training', 'view', '__proto__');
    const hostile = fc.tuple(
      experimentArb,
      sectionKey,
      fc.string({ maxLength: 12 }),
      fc.anything(),
    );
    fc.assert(
      fc.property(hostile, ([exp, section, field, junk]) => {
        const doc: Record<string, unknown> = { v: 1, ...exp };
        decodesSafely(link({ ...doc, [section]: junk }));
        const inner = doc[section];
        const patched =
          typeof inner === 'object' && inner !== null ? { ...inner, [field]: junk } : junk;
        decodesSafely(link({ ...doc, [section]: patched }));
      }),
      { numRuns: 400 },
    );
  });
});

describe('decodeExperiment(encodeExperiment(x))', () => {
  it('gives back every valid experiment unchanged, with nothing ignored', () => {
    fc.assert(
      fc.property(experimentArb, (exp) => {
        expect(decodeExperiment(encodeExperiment(exp))).toEqual({ experiment: exp, ignored: [] });
      }),
      { numRuns: 300 },
    );
  });
});

describe('decompressBounded', () => {
  it('unpacks what lz-string packed, exactly', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.json({ maxDepth: 4 }));
    fc.assert(
      fc.property(text, (t) => {
        const packed = LZString.compressToEncodedURIComponent(t);
        expect(decompressBounded(packed, Infinity)).toEqual(
          t === '' ? { ok: false, why: 'damaged' } : { ok: true, text: t },
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with lz-string on random input whenever it accepts it', () => {
    const stream = fc.string({
      unit: fc.constantFrom(...URI_ALPHABET),
      minLength: 1,
      maxLength: 300,
    });
    fc.assert(
      fc.property(stream, (s) => {
        const mine = decompressBounded(s, Infinity);
        if (mine.ok) expect(LZString.decompressFromEncodedURIComponent(s)).toBe(mine.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops as soon as the output passes the limit', () => {
    const packed = LZString.compressToEncodedURIComponent('ab'.repeat(5000));
    expect(decompressBounded(packed, 9_999)).toEqual({ ok: false, why: 'too-long' });
    expect(decompressBounded(packed, 10_000)).toEqual({ ok: true, text: 'ab'.repeat(5000) });
  });
});
