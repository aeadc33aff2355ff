import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeExperiment, encodeExperiment } from '../core/share/codec';
import { defaultExperiment } from '../core/share/experiment';
import { noTeaching, type TeachConfig } from '../core/share/teach';
import { useTeachView } from './teach-view';
import { experimentOf } from './experiment-state';
import { useAppStore } from './store';
import { startUrlSync, stripHash, type UrlPort, type UrlSync } from './url-sync';

/** A fake address bar: `type` is the user editing the hash, `write` is the app's replaceState. */
function fakeUrl(initial = '') {
  let hash = initial;
  const listeners = new Set<() => void>();
  const writes: string[] = [];
  const port: UrlPort = {
    read: () => hash,
    write: (h) => {
      hash = `#${h}`;
      writes.push(h);
    },
    listen: (f) => {
      listeners.add(f);
      return () => listeners.delete(f);
    },
  };
  const type = (h: string) => {
    hash = h;
    listeners.forEach((f) => f());
  };
  return { port, writes, type, hash: () => stripHash(hash) };
}

const state = () => useAppStore.getState();
const initial = useAppStore.getState();
let sync: UrlSync | null = null;

beforeEach(() => {
  vi.useFakeTimers();
  useAppStore.setState(initial, true);
});
afterEach(() => {
  sync?.stop();
  sync = null;
  vi.useRealTimers();
});

describe('url sync', () => {
  it('writes the experiment on screen into the hash, once per pause in editing', () => {
    const url = fakeUrl();
    sync = startUrlSync(useAppStore, url.port, { onApplied: () => undefined });
    vi.advanceTimersByTime(300);
    expect(url.writes).toHaveLength(1);
    for (const epochs of [5, 6, 7]) state().setTrainingSettings({ epochs });
    state().setView({ graphDirection: 'LR' });
    expect(url.writes).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(url.writes).toHaveLength(2);
    const exp = decodeExperiment(url.hash()).experiment;
    expect(exp.training.epochs).toBe(7);
    expect(exp.view.graphDirection).toBe('LR');
    expect(exp).toEqual(experimentOf(state()));
  });

  it('writes nothing when an edit leaves the hash as it was', () => {
    const url = fakeUrl();
    sync = startUrlSync(useAppStore, url.port, { onApplied: () => undefined });
    sync.flush();
    state().setTrainingSettings({ epochs: 9 });
    state().setTrainingSettings({ epochs: 20 });
    vi.advanceTimersByTime(300);
    expect(url.writes).toHaveLength(1);
  });

  it('applies a hash edited by hand, and reports what it left out', () => {
    const url = fakeUrl();
    const applied = vi.fn();
    sync = startUrlSync(useAppStore, url.port, { onApplied: applied });
    const exp = defaultExperiment();
    exp.training = { ...exp.training, seed: 77, backend: 'cpu' };
    exp.view.logScale = true;
    url.type(`#${encodeExperiment(exp)}`);
    expect(state().trainingSettings.seed).toBe(77);
    expect(state().backendChoice).toBe('cpu');
    expect(state().view.logScale).toBe(true);
    expect(applied).toHaveBeenCalledWith(expect.objectContaining({ ignored: [] }), []);

    url.type('#garbage');
    expect(applied).toHaveBeenLastCalledWith(
      expect.objectContaining({ ignored: [expect.stringMatching(/^link: it is not a Layerlab/)] }),
      [],
    );
    // The page now shows the defaults, and the address bar says so.
    vi.advanceTimersByTime(300);
    expect(decodeExperiment(url.hash())).toEqual({
      experiment: experimentOf(state()),
      ignored: [],
    });
  });

  it('does not re-read its own writes, and refills an emptied hash', () => {
    const url = fakeUrl();
    const applied = vi.fn();
    sync = startUrlSync(useAppStore, url.port, { onApplied: applied });
    sync.flush();
    const own = url.hash();
    url.type(`#${own}`);
    expect(applied).not.toHaveBeenCalled();
    url.type('');
    expect(url.hash()).toBe(own);
    expect(applied).not.toHaveBeenCalled();
  });

  it('stops listening and writing when stopped', () => {
    const url = fakeUrl();
    const applied = vi.fn();
    sync = startUrlSync(useAppStore, url.port, { onApplied: applied });
    sync.stop();
    state().setTrainingSettings({ epochs: 3 });
    url.type('#garbage');
    vi.advanceTimersByTime(1000);
    expect(url.writes).toEqual([]);
    expect(applied).not.toHaveBeenCalled();
  });
});

describe('url sync on a teaching link', () => {
  const teaching: TeachConfig = {
    hidden: ['charts.explorer', 'runs'],
    note: 'Double the learning rate.',
  };
  beforeEach(() => useTeachView.setState({ ...noTeaching(), mounted: {} }));

  it("keeps the link's hidden parts and note in the address it rewrites", () => {
    const link = encodeExperiment(experimentOf(state()), teaching);
    const url = fakeUrl(`#${link}`);
    useTeachView.getState().setTeaching(decodeExperiment(link).teach ?? noTeaching());
    sync = startUrlSync(useAppStore, url.port, { teach: useTeachView, onApplied: () => {} });
    state().setTrainingSettings({ epochs: 4 });
    vi.advanceTimersByTime(300);
    // What a reload reads: the edit and the teaching link's section both.
    const reread = decodeExperiment(url.hash());
    expect(reread.experiment.training.epochs).toBe(4);
    expect(reread.teach).toEqual(teaching);
  });

  it('drops what Show everything and Dismiss bring back, and nothing more', () => {
    const url = fakeUrl();
    useTeachView.getState().setTeaching(teaching);
    sync = startUrlSync(useAppStore, url.port, { teach: useTeachView, onApplied: () => {} });
    vi.advanceTimersByTime(300);
    useTeachView.getState().showEverything();
    vi.advanceTimersByTime(300);
    expect(decodeExperiment(url.hash()).teach).toEqual({ hidden: [], note: teaching.note });
    useTeachView.getState().dismissNote();
    vi.advanceTimersByTime(300);
    expect(decodeExperiment(url.hash())).toEqual({
      experiment: experimentOf(state()),
      ignored: [],
    });
    // A change to the checklist of mounted parts is no change to the link.
    const writes = url.writes.length;
    const unregister = useTeachView.getState().register(['graph']);
    vi.advanceTimersByTime(300);
    unregister();
    expect(url.writes).toHaveLength(writes);
  });

  it('writes the teach section of a link typed by hand once the page applies it', () => {
    const url = fakeUrl();
    sync = startUrlSync(useAppStore, url.port, {
      teach: useTeachView,
      onApplied: ({ teach }) => useTeachView.getState().setTeaching(teach ?? noTeaching()),
    });
    sync.flush();
    url.type(`#${encodeExperiment(experimentOf(state()), teaching)}`);
    vi.advanceTimersByTime(300);
    expect(decodeExperiment(url.hash()).teach).toEqual(teaching);
  });
});
