import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeExperiment, encodeExperiment } from './codec';
import { defaultExperiment } from './experiment';
import { MAX_NOTE_LENGTH, noTeaching, TEACH_AREA_IDS, type TeachConfig } from './teach';

const pack = (doc: unknown) => `e1.${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}`;
const unpack = (hash: string): Record<string, unknown> =>
  JSON.parse(LZString.decompressFromEncodedURIComponent(hash.slice(3))) as Record<string, unknown>;

describe('teaching links', () => {
  it('round-trips the hidden parts and the note beside the experiment', () => {
    const exp = defaultExperiment();
    exp.training.epochs = 7;
    const teach: TeachConfig = {
      hidden: ['inspector', 'runs'],
      note: 'Add a layer: does it help?',
    };
    const hash = encodeExperiment(exp, teach);
    expect(unpack(hash)).toMatchObject({ v: 2, teach });
    expect(decodeExperiment(hash)).toEqual({ experiment: exp, ignored: [], teach });
  });

  it('writes no teach section when nothing is hidden and there is no note', () => {
    const hash = encodeExperiment(defaultExperiment(), noTeaching());
    expect(unpack(hash)).not.toHaveProperty('teach');
    expect(decodeExperiment(hash)).toEqual({ experiment: defaultExperiment(), ignored: [] });
  });

  it('opens a version-1 link (made before teaching links) as it was, with nothing hidden', () => {
    const exp = defaultExperiment();
    const old = pack({ ...unpack(encodeExperiment(exp)), v: 1 });
    expect(decodeExperiment(old)).toEqual({ experiment: exp, ignored: [] });
  });

  it('keeps each known area once, in order, and names what it could not use', () => {
    const decoded = decodeExperiment(
      pack({ v: 2, teach: { hidden: ['runs', 'graph', 'runs'], note: 'Hi', colour: 'red' } }),
    );
    expect(decoded.teach).toEqual({ hidden: ['graph', 'runs'], note: 'Hi' });
    expect(decoded.ignored).toEqual(['teach.colour: not a Layerlab setting, so it was ignored']);
    const bad = decodeExperiment(
      pack({
        v: 2,
        teach: { hidden: ['graph', 'everything'], note: 'x'.repeat(MAX_NOTE_LENGTH + 1) },
      }),
    );
    expect(bad.teach).toEqual(noTeaching());
    expect(bad.ignored).toHaveLength(2);
    expect(bad.ignored[0]).toMatch(/^teach\.hidden: must be a list drawn from 'palette', /);
    expect(bad.ignored[1]).toMatch(
      new RegExp(`^teach\\.note: must be text of at most ${MAX_NOTE_LENGTH} characters`),
    );
  });

  it('reads a teach section that is not a group of settings as none, and says so', () => {
    const decoded = decodeExperiment(pack({ v: 2, teach: 'hide all' }));
    expect(decoded.teach).toEqual(noTeaching());
    expect(decoded.ignored).toEqual([
      'teach: not a group of settings (got "hide all"); the defaults were used',
    ]);
  });

  it("reads an older link's Predictions tab as the Predictions panel that replaced it", () => {
    const decoded = decodeExperiment(
      pack({ v: 2, teach: { hidden: ['runs', 'charts.predictions', 'predictions'], note: '' } }),
    );
    expect(decoded.teach).toEqual({ hidden: ['predictions', 'runs'], note: '' });
    expect(decoded.ignored).toEqual([]);
    // Only the current name is written back.
    const again = decodeExperiment(encodeExperiment(decoded.experiment, decoded.teach));
    expect(again.teach).toEqual(decoded.teach);
    expect(TEACH_AREA_IDS).not.toContain('charts.predictions');
  });
});
