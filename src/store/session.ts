import { defaultExperiment, type Experiment } from '../core/share/experiment';
import { isActive } from '../training/run-state';
import { applyExperiment, experimentChanged, experimentOf } from './experiment-state';
import { safeStorage } from './safe-storage';
import { restoreSession } from './session-restore';
import {
  byRecent,
  entryKey,
  INDEX_KEY,
  nextName,
  readEntry,
  serialiseEntry,
  serialiseIndex,
  weightsKey,
  type KeyValue,
  type LibraryIndex,
  type SavedExperiment,
} from './persistence';
import type { LibraryEntry, ShareNotice } from './share-slice';
import type { useAppStore } from './store';

export type AppStore = typeof useAppStore;
type RunHistory = Pick<SavedExperiment, 'runs' | 'nextRunNumber'>;

export interface SessionDeps {
  store: AppStore;
  /** null when the browser refuses storage (private mode, blocked): nothing is saved, said once. */
  storage: KeyValue | null;
  now?: () => number;
  newId?: () => string;
  debounceMs?: number;
}

/**
 * The saved-experiments side of the store: which experiment is open, restoring it at start
 * (a link's hash wins over the autosave), saving every edit after a short pause, and saving
 * the trained weights of each finished run for it. The library actions are in session-library.
 */
export function createSession(deps: SessionDeps) {
  const { store, storage } = deps;
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID().slice(0, 12));
  const state = () => store.getState();
  let index: LibraryIndex = { activeId: null, entries: [] };
  let written: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const notify = (tone: ShareNotice['tone'], title: string, items: string[] = [], key?: string) =>
    state().pushShareNotice({ tone, title, items, ...(key === undefined ? {} : { key }) });
  const publish = () => state().setLibrary(byRecent(index.entries), index.activeId);
  const safe = safeStorage(storage, () =>
    notify('error', 'This browser would not save the experiment (its storage may be full).', [
      'Delete saved experiments you no longer need, then edit anything to save again.',
    ]),
  );
  const put = safe.put;
  const writeIndex = () => {
    put(INDEX_KEY, serialiseIndex(index));
    publish();
  };
  const entry = (id: string | null) => index.entries.find((e) => e.id === id);
  const patchEntry = (id: string, patch: Partial<LibraryEntry>) => {
    index = { ...index, entries: index.entries.map((e) => (e.id === id ? { ...e, ...patch } : e)) };
  };

  /** Writes the open experiment now, if it changed since the last write. */
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const id = index.activeId;
    if (id === null) return;
    const s = state();
    const { text } = serialiseEntry(experimentOf(s), s.runs, s.nextRunNumber);
    if (text === written) return;
    if (!put(entryKey(id), text)) return;
    written = text;
    patchEntry(id, { updatedAt: now() });
    writeIndex();
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, deps.debounceMs ?? 400);
  };

  /** Puts an experiment and its runs on screen, as the open one; the old one is saved first. */
  const show = (id: string, exp: Experiment, runs: RunHistory) => {
    // Reset first: a run still training is kept in the history of the experiment it belongs to.
    state().reset();
    flush();
    index = { ...index, activeId: id };
    const problems = applyExperiment(state(), exp);
    store.setState({ runs: runs.runs, nextRunNumber: runs.nextRunNumber, liveConfig: null });
    // Undo must not step back into another experiment.
    store.temporal.getState().clear();
    written = null;
    if (problems.length > 0)
      notify('warning', 'Part of the experiment could not be used.', problems);
  };

  const noRuns = { runs: [], nextRunNumber: 1 };
  const create = (name: string, exp: Experiment, runs: RunHistory = noRuns): string => {
    const id = newId();
    const t = now();
    index = {
      ...index,
      entries: [...index.entries, { id, name, createdAt: t, updatedAt: t, hasWeights: false }],
    };
    show(id, exp, runs);
    flush();
    return id;
  };

  /** Reads a saved experiment; null (with a notice) when it cannot be opened. */
  const load = (id: string): SavedExperiment | null => {
    const name = entry(id)?.name ?? 'the saved experiment';
    const read = readEntry(safe.get(entryKey(id)));
    if (read.ignored.length > 0) {
      const what = read.value
        ? `Parts of '${name}' could not be read.`
        : `'${name}' could not be opened.`;
      notify('warning', what, read.ignored);
    }
    return read.value;
  };

  const open = (id: string): boolean => {
    const saved = load(id);
    if (!saved) return false;
    show(id, saved.experiment, saved);
    writeIndex();
    return true;
  };

  const saveWeights = (runId: number) => {
    const id = index.activeId;
    if (id === null) return;
    void state()
      .weightsRequest({ type: 'saveWeights', runId, key: weightsKey(id) })
      .then((reply) => {
        // A run stopped by an edit has no model left to save: nothing to tell.
        if (reply.message !== null || !entry(id)) return;
        patchEntry(id, { hasWeights: true });
        writeIndex();
      });
  };

  /** Saves after each edit (debounced) and the weights after each finished run. */
  const start = () =>
    store.subscribe((s, prev) => {
      if (
        experimentChanged(s, prev) ||
        s.runs !== prev.runs ||
        s.nextRunNumber !== prev.nextRunNumber
      ) {
        schedule();
      }
      const ended = s.run.status === 'finished' || s.run.status === 'stopped';
      if (ended && s.run.id === prev.run.id && isActive(prev.run.status)) saveWeights(s.run.id);
    });

  const deleteWeights = (key: string) =>
    void state().weightsRequest({ type: 'deleteWeights', key });

  const session = {
    store,
    storage: safe,
    /** At start: see session-restore.ts. */
    restore: (hash: string, resume: string | null = null) => restoreSession(session, hash, resume),
    load,
    deleteWeights,
    start,
    flush,
    open,
    create,
    notify,
    entry,
    get index() {
      return index;
    },
    /** Replaces the list (and which one is open, without opening it); `save` false: keep storage as is. */
    setIndex(next: LibraryIndex, save = true) {
      index = next;
      if (save) writeIndex();
      else publish();
    },
    newExperiment: () => create(nextName(index.entries), defaultExperiment()),
  };
  return session;
}

export type Session = ReturnType<typeof createSession>;
