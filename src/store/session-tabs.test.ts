import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entryKey, INDEX_KEY, readIndex, type KeyValue } from './persistence';
import { createSession, type Session } from './session';
import { createLibrary } from './session-library';
import { createAppStore } from './store';

/**
 * One browser's localStorage seen from several tabs: a write in one tab reaches the others as
 * a `storage` event, later (a task), and never the tab that wrote, as in a browser. `hold`
 * keeps events back, for edits made in two tabs before either hears of the other.
 */
class Browser {
  readonly map = new Map<string, string>();
  readonly tabs: Session[] = [];
  hold = false;
  private held: (() => void)[] = [];

  storageFor(tab: number): KeyValue {
    const send = (key: string, value: string | null) => {
      this.tabs.forEach((t, i) => {
        if (i === tab) return;
        const deliver = () => t.external(key, value);
        if (this.hold) this.held.push(deliver);
        else setTimeout(deliver, 0);
      });
    };
    return {
      getItem: (k) => this.map.get(k) ?? null,
      setItem: (k, v) => {
        this.map.set(k, v);
        send(k, v);
      },
      removeItem: (k) => {
        this.map.delete(k);
        send(k, null);
      },
    };
  }

  release() {
    this.hold = false;
    this.held.splice(0).forEach((f) => f());
  }
}

let ids = 0;
const stops: (() => void)[] = [];

function openTab(browser: Browser) {
  const store = createAppStore();
  const tab = browser.tabs.length;
  const session = createSession({
    store,
    storage: browser.storageFor(tab),
    newId: () => `id${++ids}`,
    now: () => ++ids,
  });
  browser.tabs.push(session);
  session.restore('');
  stops.push(session.start());
  const s = () => store.getState();
  return {
    store,
    s,
    session,
    library: createLibrary(session),
    titles: () => s().shareNotices.map((n) => n.title),
    epochs: () => s().trainingSettings.epochs,
    units: () => s().spec.layers[1]?.params,
    setUnits: (units: number) => s().updateParams(s().spec.layers[1]?.id ?? '', { units }),
  };
}

const saved = (browser: Browser) => readIndex(browser.map.get(INDEX_KEY) ?? null).value;

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  stops.splice(0).forEach((s) => s());
  vi.useRealTimers();
});

describe('two tabs of one experiment', () => {
  it('shows an edit made in the other tab, so edits in turn build on each other', () => {
    const browser = new Browser();
    const a = openTab(browser);
    const b = openTab(browser);
    expect(b.s().activeExperimentId).toBe(a.s().activeExperimentId);

    a.setUnits(12);
    vi.advanceTimersByTime(500);
    expect(b.units()).toMatchObject({ units: 12 });
    expect(b.titles()).toEqual([
      "'Experiment 1' was changed in another tab; this tab now shows that version.",
    ]);

    b.s().setTrainingSettings({ epochs: 7 });
    vi.advanceTimersByTime(500);
    // Neither edit is lost, in either tab or in storage.
    for (const tab of [a, b]) {
      expect(tab.units()).toMatchObject({ units: 12 });
      expect(tab.epochs()).toBe(7);
    }
    expect(saved(browser).entries).toHaveLength(1);
    expect(a.titles()).toEqual([
      "'Experiment 1' was changed in another tab; this tab now shows that version.",
    ]);
  });

  it('keeps both when both tabs edit before either hears of the other', () => {
    const browser = new Browser();
    const a = openTab(browser);
    const b = openTab(browser);
    const first = a.s().activeExperimentId ?? '';
    browser.hold = true;
    a.setUnits(12);
    b.s().setTrainingSettings({ epochs: 7 });
    vi.advanceTimersByTime(500);
    browser.release();
    vi.advanceTimersByTime(500);

    // The tab that saved second keeps its edit on screen, in a copy; the first keeps the name.
    const [forked, kept] = b.s().activeExperimentId === first ? [a, b] : [b, a];
    expect(forked.s().activeExperimentId).not.toBe(first);
    expect(forked.titles()).toEqual([
      "'Experiment 1' was changed in another tab while you edited it here: both versions are kept.",
    ]);
    expect(forked.s().shareNotices[0]?.items[0]).toBe(
      "Your edits in this tab are saved as 'Copy of Experiment 1', which stays open here.",
    );
    const copy = forked.s().activeExperimentId ?? '';
    expect(JSON.parse(browser.map.get(entryKey(first)) ?? '').hash).not.toBe(
      JSON.parse(browser.map.get(entryKey(copy)) ?? '').hash,
    );
    expect(kept.s().activeExperimentId).toBe(first);
    // Both tabs list both, and a later save in either keeps both listed.
    kept.s().setTrainingSettings({ epochs: 9 });
    vi.advanceTimersByTime(500);
    expect(
      saved(browser)
        .entries.map((e) => e.name)
        .sort(),
    ).toEqual(['Copy of Experiment 1', 'Experiment 1']);
    expect(kept.s().library).toHaveLength(2);
    // Each edit is where its tab saved it.
    const open = (tab: typeof a, id: string) => {
      tab.library.open(id);
      return { units: tab.units(), epochs: tab.epochs() };
    };
    const both = [open(a, first), open(a, copy)];
    expect(both).toContainEqual(
      expect.objectContaining({ units: expect.objectContaining({ units: 12 }) }),
    );
    expect(both.some((x) => x.epochs === 7)).toBe(true);
  });

  it('does not drop an experiment another tab created when it saves its own list', () => {
    const browser = new Browser();
    const a = openTab(browser);
    const b = openTab(browser);
    browser.hold = true;
    a.library.newExperiment();
    b.s().setTrainingSettings({ epochs: 3 });
    vi.advanceTimersByTime(500);
    expect(
      saved(browser)
        .entries.map((e) => e.name)
        .sort(),
    ).toEqual(['Experiment 1', 'Experiment 2']);
    browser.release();
    expect(
      b
        .s()
        .library.map((e) => e.name)
        .sort(),
    ).toEqual(['Experiment 1', 'Experiment 2']);
  });

  it('keeps showing an experiment deleted in the other tab, and saves it again on an edit', () => {
    const browser = new Browser();
    const a = openTab(browser);
    const b = openTab(browser);
    const first = a.s().activeExperimentId ?? '';
    a.library.newExperiment();
    a.library.remove(first);
    vi.advanceTimersByTime(10);
    expect(b.s().activeExperimentId).toBe(first);
    expect(b.titles()).toContain(
      "'Experiment 1' was deleted in another tab; this tab still shows it.",
    );
    b.s().setTrainingSettings({ epochs: 4 });
    vi.advanceTimersByTime(500);
    expect(browser.map.has(entryKey(first))).toBe(true);
    expect(saved(browser).entries.map((e) => e.id)).toContain(first);
  });
});
