import { describe, expect, it } from 'vitest';
import { snapshotRun } from '../core/charts/saved-run';
import { defaultExperiment } from '../core/share/experiment';
import { templateSpec } from '../core/templates';
import { defaultDatasetConfig } from '../data/config';
import { defaultTrainingSettings } from '../core/training/settings';
import {
  cleanName,
  copyName,
  nextName,
  readEntry,
  readIndex,
  serialiseEntry,
  serialiseIndex,
} from './persistence';

const run = (number: number, loss = 0.5) =>
  snapshotRun({
    number,
    createdAt: 1,
    sourceRunId: number,
    outcome: 'finished',
    message: null,
    backend: 'cpu',
    config: {
      spec: templateSpec('mlp'),
      settings: { ...defaultTrainingSettings, loss: 'binary_crossentropy' },
      data: { config: defaultDatasetConfig, summary: '500 points' },
    },
    epochs: [{ epoch: 1, loss, valLoss: null, metrics: { accuracy: 0.9 }, valMetrics: {} }],
    losses: [{ epoch: 1, batch: 1, loss }],
    batchesPerEpoch: 1,
  });

const entry = (id: string, name = id) => ({
  id,
  name,
  createdAt: 1,
  updatedAt: 2,
  hasWeights: false,
});

describe('the saved-experiments index', () => {
  it('round-trips, and starts empty when nothing is stored', () => {
    const index = { activeId: 'b', entries: [entry('a'), entry('b')] };
    expect(readIndex(serialiseIndex(index))).toEqual({ value: index, ignored: [] });
    expect(readIndex(null)).toEqual({ value: { activeId: null, entries: [] }, ignored: [] });
  });

  it.each(['{not json', '[]', '{"v":99,"entries":[]}', '{"v":1,"entries":{}}'])(
    'starts again, saying so, from damaged storage: %s',
    (text) => {
      const { value, ignored } = readIndex(text);
      expect(value).toEqual({ activeId: null, entries: [] });
      expect(ignored).toEqual([
        'The list of saved experiments was damaged, so it was started again.',
      ]);
    },
  );

  it('keeps the readable entries and drops the rest', () => {
    const text = JSON.stringify({
      v: 1,
      activeId: 'gone',
      entries: [entry('a'), { id: '<img src=x>', name: 'x' }, entry('a'), entry('c', '')],
    });
    const { value, ignored } = readIndex(text);
    expect(value).toEqual({ activeId: null, entries: [entry('a')] });
    expect(ignored).toHaveLength(3);
  });
});

describe('a saved experiment', () => {
  it('round-trips the experiment and its runs, a diverged loss included', () => {
    const exp = defaultExperiment();
    exp.training.epochs = 3;
    const runs = [run(1), run(2, Number.NaN)];
    const { hash, text } = serialiseEntry(exp, runs, 3);
    const back = readEntry(text);
    expect(back.ignored).toEqual([]);
    expect(back.value?.experiment).toEqual(exp);
    expect(back.value?.hash).toBe(hash);
    expect(back.value?.nextRunNumber).toBe(3);
    expect(back.value?.runs[0]).toEqual(runs[0]);
    expect(back.value?.runs[1]?.epochs[0]?.loss).toBeNaN();
  });

  it('drops a damaged run, says so, and never reuses a run number', () => {
    const { text } = serialiseEntry(defaultExperiment(), [run(1), run(4)], 2);
    const doc = JSON.parse(text) as { runs: { config: { spec: unknown } }[] };
    const first = doc.runs[0];
    if (first) first.config.spec = { layers: 'nope' };
    const back = readEntry(JSON.stringify(doc));
    expect(back.value?.runs.map((r) => r.number)).toEqual([4]);
    expect(back.value?.nextRunNumber).toBe(5);
    expect(back.ignored).toEqual(['runs: run 1 could not be read, so it was left out']);
  });

  it('migrates a run saved before a setting existed, with that setting at its default', () => {
    const { text } = serialiseEntry(defaultExperiment(), [run(1)], 2);
    const doc = JSON.parse(text) as {
      runs: { shown?: boolean; config: { settings: { clipNorm?: unknown } } }[];
    };
    const old = doc.runs[0];
    if (old) {
      delete old.shown;
      delete old.config.settings.clipNorm;
    }
    const back = readEntry(JSON.stringify(doc));
    expect(back.ignored).toEqual([]);
    expect(back.value?.runs[0]?.config.settings.clipNorm).toBeNull();
    expect(back.value?.runs[0]?.shown).toBe(true);
  });

  it('reads its experiment through the link checks', () => {
    const text = JSON.stringify({ v: 1, hash: 'garbage', runs: [], nextRunNumber: 1 });
    const back = readEntry(text);
    expect(back.value?.experiment).toEqual(defaultExperiment());
    expect(back.ignored[0]).toMatch(/^link: it is not a Layerlab experiment link/);
  });

  it.each([null, '{', '{"v":1}', '{"v":2,"hash":"e1."}'])('is refused when unreadable: %s', (t) => {
    expect(readEntry(t).value).toBeNull();
    expect(readEntry(t).ignored).toHaveLength(1);
  });
});

describe('names', () => {
  it('are trimmed and bounded', () => {
    expect(cleanName('  My   model ')).toBe('My model');
    expect(cleanName('   ')).toBeNull();
    expect(cleanName('x'.repeat(61))).toBeNull();
    expect(copyName('x'.repeat(60))).toHaveLength(60);
  });

  it('number new experiments after the ones there', () => {
    expect(nextName([])).toBe('Experiment 1');
    expect(nextName([entry('a', 'Experiment 1'), entry('b', 'Experiment 3')])).toBe('Experiment 2');
  });
});
