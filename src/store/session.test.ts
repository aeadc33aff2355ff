import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeExperiment } from '../core/share/codec';
import { defaultExperiment } from '../core/share/experiment';
import type { WorkerRequest } from '../core/training/protocol';
import { emptyRun } from '../core/training/run-state';
import { experimentOf } from './experiment-state';
import { entryKey, INDEX_KEY, type KeyValue } from './persistence';
import { createSession } from './session';
import { createLibrary } from './session-library';
import { useAppStore } from './store';

const state = () => useAppStore.getState();
const initial = useAppStore.getState();

class MemoryStorage implements KeyValue {
  readonly map = new Map<string, string>();
  full = false;
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  };
  removeItem = (k: string) => void this.map.delete(k);
}

let ids = 0;
/** A page visit: a fresh store and session on the same storage, started from `hash`. */
function visit(storage: KeyValue | null, hash = '', resume: string | null = null) {
  useAppStore.setState(initial, true);
  useAppStore.temporal.getState().clear();
  const session = createSession({
    store: useAppStore,
    storage,
    newId: () => `id${++ids}`,
    now: () => ++ids,
  });
  session.restore(hash, resume);
  const stop = session.start();
  stops.push(stop);
  return { session, library: createLibrary(session) };
}
const stops: (() => void)[] = [];
const titles = () => state().shareNotices.map((n) => n.title);

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  stops.splice(0).forEach((s) => s());
  vi.useRealTimers();
});

describe('autosave', () => {
  it('restores the last experiment on the next visit, mid-edit and with its runs', () => {
    const storage = new MemoryStorage();
    visit(storage);
    expect(state().library.map((e) => e.name)).toEqual(['Experiment 1']);
    const dense = state().spec.layers[1];
    state().updateParams(dense?.id ?? '', { units: 12 });
    state().setTrainingSettings({ learningRate: 0.003 });
    state().setView({ logScale: true });
    useAppStore.setState({ runs: [], nextRunNumber: 7 });
    vi.advanceTimersByTime(400);

    visit(storage);
    expect(state().spec.layers[1]?.params).toMatchObject({ units: 12 });
    expect(state().trainingSettings.learningRate).toBe(0.003);
    expect(state().view.logScale).toBe(true);
    expect(state().nextRunNumber).toBe(7);
    expect(state().shareNotices).toEqual([]);
    // Opening is not an edit: nothing to undo.
    expect(useAppStore.temporal.getState().pastStates).toEqual([]);
  });

  it('lets a link win over the autosave, in an experiment of its own', () => {
    const storage = new MemoryStorage();
    visit(storage);
    state().setTrainingSettings({ epochs: 4 });
    vi.advanceTimersByTime(400);
    const shared = defaultExperiment();
    shared.training.epochs = 99;
    const { library } = visit(storage, `#${encodeExperiment(shared)}`);
    expect(state().trainingSettings.epochs).toBe(99);
    expect(state().library.map((e) => e.name)).toEqual(['From a link', 'Experiment 1']);
    // The experiment the user had is still saved as it was.
    library.open(state().library[1]?.id ?? '');
    expect(state().trainingSettings.epochs).toBe(4);
  });

  it("opens the open experiment's own link (a reload) with its runs, not as a new one", () => {
    const storage = new MemoryStorage();
    visit(storage);
    state().setTrainingSettings({ epochs: 5 });
    useAppStore.setState({ nextRunNumber: 3 });
    vi.advanceTimersByTime(400);
    const active = state().activeExperimentId ?? '';
    const saved = JSON.parse(storage.getItem(entryKey(active)) ?? '{}') as { hash: string };
    visit(storage, `#${saved.hash}`);
    expect(state().library).toHaveLength(1);
    expect(state().nextRunNumber).toBe(3);
  });

  it('on a reload, trusts the autosave over a hash written before the last edit', () => {
    const storage = new MemoryStorage();
    visit(storage);
    const stale = encodeExperiment(experimentOf(state()));
    state().setTrainingSettings({ epochs: 6 });
    // The tab is left (pagehide) before the address bar caught up with the edit.
    vi.advanceTimersByTime(400);
    const id = state().activeExperimentId;
    visit(storage, `#${stale}`, id);
    expect(state().trainingSettings.epochs).toBe(6);
    expect(state().library).toHaveLength(1);
  });

  it('reports a damaged link in a notice and opens what it could read', () => {
    visit(new MemoryStorage(), '#e1.garbage!!');
    expect(titles()).toEqual([
      'This link had parts that could not be used; defaults took their place.',
    ]);
    expect(state().shareNotices[0]?.items[0]).toMatch(/^link: it is damaged or cut short/);
    expect(state().spec.layers.map((l) => l.kind)).toEqual(['Input', 'Dense', 'Dense', 'Dense']);
  });

  it('ignores damaged storage with a notice, and keeps working', () => {
    const storage = new MemoryStorage();
    storage.map.set(
      INDEX_KEY,
      '{"v":1,"activeId":"a","entries":[{"id":"a","name":"A","createdAt":1,"updatedAt":1}]}',
    );
    storage.map.set(entryKey('a'), '{"v":1,"hash":');
    visit(storage);
    expect(titles()).toEqual(["'A' could not be opened."]);
    expect(state().library.map((e) => e.name)).toEqual(['Experiment 1', 'A']);
  });

  it('says once when storage is full or missing, and never throws', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    visit(storage);
    state().setTrainingSettings({ epochs: 3 });
    vi.advanceTimersByTime(400);
    state().setTrainingSettings({ epochs: 4 });
    vi.advanceTimersByTime(400);
    expect(titles()).toEqual(["Saving is off: this browser's storage for Layerlab is full."]);
    expect(() => visit(null)).not.toThrow();
  });
});

describe('the saved-experiments library', () => {
  it('makes, opens, renames, duplicates and deletes experiments', () => {
    const storage = new MemoryStorage();
    const { library } = visit(storage);
    const first = state().activeExperimentId ?? '';
    state().setTrainingSettings({ epochs: 8 });
    const made = library.newExperiment();
    expect(made.ok).toBe(true);
    expect(state().trainingSettings.epochs).toBe(20);
    expect(library.rename(first, '  Spiral  net ')).toEqual({ ok: true, value: 'Spiral net' });
    expect(library.rename(first, ' ').ok).toBe(false);
    expect(library.open(first)).toEqual({ ok: true, value: first });
    expect(state().trainingSettings.epochs).toBe(8);
    const copy = library.duplicate(first);
    expect(state().activeExperimentId).toBe(copy.ok ? copy.value : 'none');
    expect(state().trainingSettings.epochs).toBe(8);
    expect(
      state()
        .library.map((e) => e.name)
        .sort(),
    ).toEqual(['Copy of Spiral net', 'Experiment 2', 'Spiral net']);
    // Deleting the open one opens another; its saved copy is gone.
    const open = state().activeExperimentId ?? '';
    expect(library.remove(open)).toEqual({ ok: true, value: 'Copy of Spiral net' });
    expect(storage.getItem(entryKey(open))).toBeNull();
    expect(state().library).toHaveLength(2);
    expect(state().activeExperimentId).not.toBe(open);
    expect(library.open('nope').ok).toBe(false);
  });

  it('saves the weights of a finished run for the open experiment', async () => {
    const sent: WorkerRequest[] = [];
    visit(new MemoryStorage());
    useAppStore.setState({
      trainer: {
        send: (req) => {
          sent.push(req);
          if ('requestId' in req)
            queueMicrotask(() =>
              state().receive({
                type: 'weights',
                requestId: req.requestId,
                message: null,
                files: null,
              }),
            );
        },
      },
      run: emptyRun(3, 'running'),
    });
    state().receive({ type: 'done', runId: 3, outcome: 'finished', message: null });
    await vi.waitFor(() => expect(state().library[0]?.hasWeights).toBe(true));
    const id = state().activeExperimentId ?? '';
    expect(sent).toEqual([
      { type: 'saveWeights', requestId: expect.any(Number), runId: 3, key: `layerlab-${id}` },
    ]);
  });
});
