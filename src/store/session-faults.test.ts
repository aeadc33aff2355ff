import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entryKey, INDEX_KEY, serialiseEntry, type KeyValue } from './persistence';
import { createSession } from './session';
import { emptyRun } from '../core/training/run-state';
import { experimentOf } from './experiment-state';
import { createAppStore } from './store';
import { ASIDE_PREFIX } from './storage-recovery';

/** localStorage as a test needs it: listable, and able to fail like a full or blocked one. */
class MemoryStorage implements KeyValue {
  readonly map = new Map<string, string>();
  fail: string | null = null;
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (this.fail) throw new DOMException('no room', this.fail);
    this.map.set(k, v);
  };
  removeItem = (k: string) => void this.map.delete(k);
  get length() {
    return this.map.size;
  }
  key = (i: number) => [...this.map.keys()][i] ?? null;
}

let ids = 0;
const stops: (() => void)[] = [];
function visit(storage: KeyValue | null) {
  const store = createAppStore();
  const session = createSession({ store, storage, newId: () => `id${++ids}`, now: () => ++ids });
  session.restore('');
  stops.push(session.start());
  const s = () => store.getState();
  return { s, store, session, notices: () => s().shareNotices };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  stops.splice(0).forEach((s) => s());
  vi.useRealTimers();
});

describe('storage full or refused', () => {
  it('says saving is off and why, offers the link and export, and keeps editing', () => {
    const storage = new MemoryStorage();
    const { s, notices } = visit(storage);
    storage.fail = 'QuotaExceededError';
    s().setTrainingSettings({ epochs: 3 });
    vi.advanceTimersByTime(500);
    s().setTrainingSettings({ epochs: 4 });
    vi.advanceTimersByTime(500);
    expect(s().trainingSettings.epochs).toBe(4);
    expect(notices()).toHaveLength(1);
    expect(notices()[0]).toMatchObject({
      tone: 'error',
      title: "Saving is off: this browser's storage for Layerlab is full.",
      offer: true,
    });
    expect(notices()[0]?.items.join(' ')).toMatch(/Copy link.*Export/);

    // Room again: the next edit saves, and the message says so in place of the old one.
    storage.fail = null;
    s().setTrainingSettings({ epochs: 5 });
    vi.advanceTimersByTime(500);
    expect(notices().map((n) => n.title)).toEqual([
      'Saving works again: the experiment on screen is saved.',
    ]);
    expect(visit(storage).s().trainingSettings.epochs).toBe(5);
  });

  it('names a refusal that is not a full disk', () => {
    const storage = new MemoryStorage();
    const { s, notices } = visit(storage);
    storage.fail = 'SecurityError';
    s().setTrainingSettings({ epochs: 3 });
    vi.advanceTimersByTime(500);
    expect(notices()[0]?.title).toBe(
      'Saving is off: this browser refused to store the experiment.',
    );
  });

  it('without storage at all, says so at start and works', () => {
    const { s, notices } = visit(null);
    expect(notices()[0]).toMatchObject({ offer: true });
    expect(notices()[0]?.title).toMatch(/^Saving is off: this browser does not let Layerlab/);
    s().setTrainingSettings({ epochs: 3 });
    vi.advanceTimersByTime(500);
    expect(s().trainingSettings.epochs).toBe(3);
  });
});

describe('stored records that no longer read', () => {
  const index = (entries: string) => `{"v":1,"activeId":"a","entries":[${entries}]}`;
  const a = '{"id":"a","name":"A","createdAt":1,"updatedAt":1}';

  it('keeps a record that cannot be opened aside, unchanged, and says where', () => {
    const storage = new MemoryStorage();
    storage.map.set(INDEX_KEY, index(a));
    storage.map.set(entryKey('a'), '{"v":1,"hash":');
    const { notices } = visit(storage);
    expect(notices()[0]?.title).toBe("'A' could not be opened.");
    expect(storage.map.get(`${ASIDE_PREFIX}a`)).toBe('{"v":1,"hash":');
    expect(notices()[0]?.items.at(-1)).toContain(`'${ASIDE_PREFIX}a'`);
    // Opening it again does not make a second copy.
    visit(storage);
    expect([...storage.map.keys()].filter((k) => k.startsWith(ASIDE_PREFIX))).toHaveLength(1);
  });

  it('opens what it can of a partly readable record, keeping the original aside', () => {
    const first = visit(new MemoryStorage());
    const exp = experimentOf(first.s());
    exp.training.epochs = 11;
    const { hash } = serialiseEntry(exp, [], 1);
    const original = JSON.stringify({
      v: 1,
      hash,
      runs: [{ id: 'hand-edited' }],
      nextRunNumber: 4,
    });
    const storage = new MemoryStorage();
    storage.map.set(INDEX_KEY, index(a));
    storage.map.set(entryKey('a'), original);
    const { s, notices } = visit(storage);
    expect(s().trainingSettings.epochs).toBe(11);
    expect(s().nextRunNumber).toBe(4);
    expect(notices()[0]?.title).toBe("Parts of 'A' could not be read.");
    expect(notices()[0]?.items[0]).toBe('runs: run 1 could not be read, so it was left out');
    // The next save writes the migrated record; the original stays aside.
    s().setTrainingSettings({ epochs: 12 });
    vi.advanceTimersByTime(500);
    expect(storage.map.get(entryKey('a'))).not.toBe(original);
    expect(storage.map.get(`${ASIDE_PREFIX}a`)).toBe(original);
  });

  it('lists again the experiments of a damaged index, and keeps the index aside', () => {
    const storage = new MemoryStorage();
    const saved = visit(storage);
    saved.s().setTrainingSettings({ epochs: 13 });
    vi.advanceTimersByTime(500);
    storage.map.set(INDEX_KEY, '{"v":1,"activeId":"x","entries":[{"id":');
    const { s, notices } = visit(storage);
    expect(notices()[0]?.title).toBe('The list of saved experiments could not all be read.');
    expect(notices()[0]?.items).toContain(
      "1 saved experiment was found and listed again as 'Recovered experiment …': rename them in Experiments.",
    );
    expect(storage.map.get(`${ASIDE_PREFIX}index`)).toBe('{"v":1,"activeId":"x","entries":[{"id":');
    expect(s().library.map((e) => e.name)).toEqual(['Recovered experiment 1']);
    expect(s().trainingSettings.epochs).toBe(13);
  });

  it('keeps aside a record from a newer version instead of writing over it', () => {
    const storage = new MemoryStorage();
    storage.map.set(INDEX_KEY, index(a));
    storage.map.set(entryKey('a'), '{"v":2,"hash":"e1.x","more":true}');
    const { notices } = visit(storage);
    expect(storage.map.get(`${ASIDE_PREFIX}a`)).toBe('{"v":2,"hash":"e1.x","more":true}');
    expect(notices()[0]?.items[0]).toMatch(/newer version of Layerlab/);
  });
});

describe('a record that is a bare link', () => {
  it('opens as that experiment (a link pasted in by hand)', () => {
    const first = visit(new MemoryStorage());
    const exp = experimentOf(first.s());
    exp.training.epochs = 17;
    const storage = new MemoryStorage();
    storage.map.set(
      INDEX_KEY,
      '{"v":1,"activeId":"a","entries":[{"id":"a","name":"A","createdAt":1,"updatedAt":1}]}',
    );
    storage.map.set(entryKey('a'), `#${serialiseEntry(exp, [], 1).hash}`);
    const { s, notices } = visit(storage);
    expect(s().trainingSettings.epochs).toBe(17);
    expect(notices()).toEqual([]);
  });
});

describe("a run's trained model that cannot be saved", () => {
  it('says so with the reason, but not for a run an edit stopped', async () => {
    const { s, store, notices } = visit(new MemoryStorage());
    const answers = ['The quota has been exceeded.', 'The model of run 4 is no longer in memory.'];
    store.setState({
      trainer: {
        send: (req) => {
          const message = answers.shift() ?? null;
          if ('requestId' in req)
            queueMicrotask(() =>
              s().receive({ type: 'weights', requestId: req.requestId, message, files: null }),
            );
        },
      },
    });
    for (const runId of [3, 4]) {
      store.setState({ run: emptyRun(runId, 'running') });
      s().receive({ type: 'done', runId, outcome: 'finished', message: null });
      await vi.waitFor(() => expect(answers.length).toBe(4 - runId));
    }
    await Promise.resolve();
    expect(notices().map((n) => n.title)).toEqual([
      'The trained model of run 3 was not saved in this browser, so it cannot be exported.',
    ]);
    expect(notices()[0]?.items[0]).toBe('The quota has been exceeded.');
    expect(s().library[0]?.hasWeights).toBe(false);
  });
});
