import { defaultBuiltinConfig } from '../../data/generators';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../model-spec';
import { specFrom } from '../spec-from';
import { decodeExperiment, encodeExperiment, HASH_PREFIX, MAX_HASH_LENGTH } from './codec';
import { defaultExperiment, type Experiment } from './experiment';
import { MAX_LAYERS } from './salvage-model';

const pack = (text: string) => HASH_PREFIX + LZString.compressToEncodedURIComponent(text);
const link = (doc: unknown) => pack(JSON.stringify(doc));

const custom = (): Experiment => ({
  model: specFrom([
    ['Input', { shape: [32, 1] }],
    ['LSTM', { units: 16, return_sequences: true }],
    ['Conv1D', { filters: 4, padding: 'causal' }],
    ['GlobalMaxPooling1D'],
    ['Dense', { units: 1 }],
  ]),
  data: {
    ...structuredClone(defaultExperiment().data),
    id: 'sine',
    samples: 2000,
  } as Experiment['data'],
  training: {
    optimizer: 'rmsprop',
    learningRate: 0.003,
    batchSize: 64,
    epochs: 20,
    loss: 'huber',
    metrics: ['mae'],
    clipNorm: 5,
    fusedRecurrent: false,
    seed: 7,
    backend: 'wasm',
  },
  view: { panel: 'charts', graphDirection: 'LR', smoothing: 0.6, logScale: true },
});

describe('encodeExperiment / decodeExperiment', () => {
  it('round-trips an experiment through a URL-safe hash', () => {
    const exp = custom();
    const hash = encodeExperiment(exp);
    expect(hash.startsWith('e1.')).toBe(true);
    expect(hash).toMatch(/^[A-Za-z0-9+\-$.]+$/);
    expect(hash.length).toBeLessThan(2000);
    expect(decodeExperiment(hash)).toEqual({ experiment: exp, ignored: [] });
    expect(decodeExperiment(`#${hash}`).experiment).toEqual(exp);
  });

  it('opens an empty hash as the default experiment, with nothing to report', () => {
    expect(decodeExperiment('')).toEqual({ experiment: defaultExperiment(), ignored: [] });
    expect(decodeExperiment('#')).toEqual({ experiment: defaultExperiment(), ignored: [] });
  });

  it('fills sections and fields a link leaves out with defaults, silently', () => {
    const { experiment, ignored } = decodeExperiment(link({ v: 1, training: { epochs: 5 } }));
    expect(ignored).toEqual([]);
    expect(experiment).toEqual({
      ...defaultExperiment(),
      training: { ...defaultExperiment().training, epochs: 5 },
    });
  });

  it.each([
    [
      'garbage',
      'link: it is not a Layerlab experiment link (it should start with e1.); the default experiment was used',
    ],
    [
      'e1.',
      'link: it is damaged or cut short (it does not unpack); the default experiment was used',
    ],
    [
      'e1.!!!!',
      'link: it is damaged or cut short (it does not unpack); the default experiment was used',
    ],
    [
      'e7.abc',
      'link: it uses link format e7, which this version of Layerlab cannot read; the default experiment was used',
    ],
    [pack('{"v":1,'), 'link: it is damaged: it is not valid JSON; the default experiment was used'],
    [pack('[1,2]'), 'link: it does not hold an experiment; the default experiment was used'],
    [
      pack(`${'['.repeat(40)}${']'.repeat(40)}`),
      'link: it is damaged: it is nested more than 32 levels deep; the default experiment was used',
    ],
  ])('refuses %s as a whole, saying why', (hash, reason) => {
    expect(decodeExperiment(hash)).toEqual({ experiment: defaultExperiment(), ignored: [reason] });
  });

  it('refuses hashes over the length limit before unpacking them', () => {
    const long = `e1.${'A'.repeat(MAX_HASH_LENGTH)}`;
    expect(decodeExperiment(long).ignored).toEqual([
      `link: it is ${long.length} characters long, over the limit of ${MAX_HASH_LENGTH}; the default experiment was used`,
    ]);
  });

  it('stops unpacking a compression bomb at the decoded limit', () => {
    // LZ output grows quadratically with the input: 200 000 characters pack into under 1 KB
    // (and 30 million into 15 KB, which lz-string would unpack whole, taking 0.4 s and 60 MB).
    const bomb = pack('a'.repeat(200_000));
    expect(bomb.length).toBeLessThan(1000);
    expect(decodeExperiment(bomb).ignored).toEqual([
      'link: it unpacks to more than 65536 characters, over the limit; the default experiment was used',
    ]);
  });

  it('keeps every valid section when another one is broken', () => {
    const good = custom();
    const hash = link({
      v: 1,
      model: {
        layers: [
          { id: 'a', kind: 'Input', params: { shape: [2] } },
          { id: 'b', kind: 'LSTM', params: { ...good.model.layers[1]?.params, units: -5 } },
        ],
      },
      data: { source: 'builtin', id: 'sine', samples: 2000, noise: -1 },
      training: { ...good.training, learningRate: 'fast', epochs: 1e9, momentum: 0.5 },
      view: { ...good.view, graphDirection: 'RL' },
      extra: true,
    });
    const { experiment, ignored } = decodeExperiment(hash);
    expect(ignored).toEqual([
      'model: layer 2 (LSTM): units must be an integer between 1 and 4096 (got -5); the default 32 was used',
      'data.noise: too small: expected number to be >=0 (got -1); the default 0.1 was used',
      'training.learningRate: not a number (got "fast"); the default 0.01 was used',
      'training.epochs: must be an integer from 1 to 10000 (got 1000000000); the default 20 was used',
      'training.momentum: not a Layerlab setting, so it was ignored',
      'view.graphDirection: must be one of \'TB\', \'LR\' (got "RL"); the default "TB" was used',
      'link.extra: not part of a Layerlab experiment, so it was ignored',
    ]);
    const defaults = defaultExperiment();
    expect(experiment.model.layers.map((l) => [l.kind, l.params])).toEqual([
      ['Input', { shape: [2] }],
      ['LSTM', { ...good.model.layers[1]?.params, units: 32 }],
    ]);
    expect(experiment.data).toMatchObject({ id: 'sine', samples: 2000, noise: 0.1 });
    const { learningRate, epochs } = defaults.training;
    expect(experiment.training).toEqual({ ...good.training, learningRate, epochs });
    expect(experiment.view).toEqual({ ...good.view, graphDirection: 'TB' });
  });

  it("fills what a link leaves out with the named generator's own defaults", () => {
    const { experiment, ignored } = decodeExperiment(
      link({ v: 1, data: { source: 'builtin', id: 'sine', samples: 300 } }),
    );
    expect(ignored).toEqual([]);
    expect(experiment.data).toEqual({ ...defaultBuiltinConfig('sine'), samples: 300 });
    const half = decodeExperiment(
      link({
        v: 1,
        data: { source: 'builtin', id: 'sine', prepare: { windowing: { length: 8 } } },
      }),
    );
    expect(half.experiment.data.prepare.windowing).toMatchObject({ enabled: true, length: 8 });
  });

  it('drops a bad field deep in the data settings and keeps its neighbours', () => {
    const hash = link({
      v: 1,
      data: {
        source: 'csv',
        fileName: 'sales.csv',
        roles: { month: 'time', sales: 'label', junk: 'bogus' },
        prepare: { windowing: { enabled: true, length: 5000, featureColumns: ['a', 5] } },
      },
    });
    const { experiment, ignored } = decodeExperiment(hash);
    expect(experiment.data).toMatchObject({
      source: 'csv',
      fileName: 'sales.csv',
      roles: { month: 'time', sales: 'label' },
      prepare: { windowing: { enabled: true, length: 24, featureColumns: [] } },
    });
    expect(ignored).toHaveLength(3);
    expect(ignored[0]).toMatch(/^data\.roles\.junk: .*\(got "bogus"\); it was left out$/);
    expect(ignored[1]).toMatch(
      /^data\.prepare\.windowing\.length: .*\(got 5000\); the default 24 was used$/,
    );
    expect(ignored[2]).toMatch(
      /^data\.prepare\.windowing\.featureColumns: item 2: .*\(got 5\); the default \[\] was used$/,
    );
  });

  it('never lets prototype keys reach an object', () => {
    const json =
      '{"v":1,"__proto__":{"polluted":1},"training":{"constructor":{"prototype":{"polluted":1}},"epochs":3},"data":{"source":"csv","roles":{"__proto__":"label","a":"feature"}}}';
    const { experiment, ignored } = decodeExperiment(pack(json));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(experiment)).toBe(Object.prototype);
    expect(experiment.training.epochs).toBe(3);
    expect(Object.keys(experiment.data.source === 'csv' ? experiment.data.roles : {})).toEqual([
      'a',
    ]);
    expect(ignored).toEqual([
      'link: the key "__proto__" is never read from a link, so it was ignored',
      'link: the key "prototype" is never read from a link, so it was ignored',
      'link: the key "constructor" is never read from a link, so it was ignored',
    ]);
  });

  it('gives a layer with a bad or repeated custom name its automatic name', () => {
    const spec = specFrom([['Input', { shape: [2] }], ['Dense'], ['Dense']]);
    const named = spec.layers.map((l, i) => ({ ...l, name: ['x y', 'out', 'out'][i] }));
    const { experiment, ignored } = decodeExperiment(link({ v: 1, model: { layers: named } }));
    expect(experiment.model.layers.map((l) => l.name)).toEqual([undefined, undefined, 'out']);
    expect(ignored).toEqual([
      `model: layer 1 (Input): the name "x y" was not used (a name starts with a letter and uses only letters, digits, '_', '.' and '-', up to 64 characters); it got its automatic name`,
      'model: layer 2 (Dense): the name "out" was not used (another layer already has that name); it got its automatic name',
    ]);
  });

  it('refuses more layers than a link may carry', () => {
    const layers = Array.from({ length: MAX_LAYERS + 1 }, (_, i) => ({
      id: `l${i}`,
      kind: 'Flatten',
      params: {},
    }));
    const { experiment, ignored } = decodeExperiment(link({ v: 1, model: { layers } }));
    expect(experiment.model).toEqual(defaultExperiment().model);
    expect(ignored).toEqual([
      `model: ${MAX_LAYERS + 1} layers is more than a link can carry (${MAX_LAYERS}); the default model was kept`,
    ]);
  });

  it('reads a link from a newer Layerlab as far as it can', () => {
    const { experiment, ignored } = decodeExperiment(
      link({ v: 99, training: { epochs: 9 }, gadget: {} }),
    );
    expect(experiment.training.epochs).toBe(9);
    expect(ignored).toEqual([
      'link: it was made by a newer Layerlab (format version 99); only the settings this version knows were read',
      'link.gadget: not part of a Layerlab experiment, so it was ignored',
    ]);
  });

  it('shortens long values from the link in its messages', () => {
    const { ignored } = decodeExperiment(link({ v: 1, training: { loss: 'x'.repeat(5000) } }));
    expect(ignored[0]).toMatch(
      /^training\.loss: must be one of .* \(got "x{36}…\); the default "auto" was used$/,
    );
  });

  it('decodes to an experiment whose model is a valid spec', () => {
    const { experiment } = decodeExperiment(encodeExperiment(custom()));
    expect(parseModelSpec(experiment.model)).toEqual({ ok: true, value: experiment.model });
  });
});
