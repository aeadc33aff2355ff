import { defaultExperiment, type Experiment } from '../core/share/experiment';
import { isActive } from '../core/training/run-state';
import { applyExperiment, experimentChanged, experimentOf } from './experiment-state';
import { adoptIndex, mergeIndex } from './index-merge';
import { safeStorage } from './safe-storage';
import { restoreSession } from './session-restore';
import {
  byRecent,
  entryKey,
  INDEX_KEY,
  nextName,
  copyName,
  readEntry,
  readIndex,
  serialiseEntry,
  serialiseIndex,
  weightsKey,
  type KeyValue,
  type LibraryIndex,
  type SavedExperiment,
} from './persistence';
import type { LibraryEntry, ShareNotice } from './share-slice';
import {
  changedElsewhere,
  deletedElsewhere,
  keptBoth,
  savingOff,
  savingOnAgain,
  weightsNotSaved,
  type Notice,
} from './storage-notices';
import { asideNote, keepAside } from './storage-recovery';
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
  /** The open experiment as this tab last wrote or put on screen: unchanged since, no write. */
  let written: string | null = null;
  /**
   * The stored text of the open experiment as this tab last read or wrote it: its revision.
   * Stored text that differs means another tab wrote since (see `flush` and `external`).
   */
  let seen: string | null = null;
  /** Deleted here: a merge with another tab's index must not bring them back. */
  const removed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const notify = (tone: ShareNotice['tone'], title: string, items: string[] = [], key?: string) =>
    state().pushShareNotice({ tone, title, items, ...(key === undefined ? {} : { key }) });
  const tell = (notice: Notice) => state().pushShareNotice(notice);
  const publish = () => state().setLibrary(byRecent(index.entries), index.activeId);
  const safe = safeStorage(storage, {
    onFailure: (fault) => tell(savingOff(fault)),
    onRecover: () => tell(savingOnAgain()),
  });
  const put = safe.put;
  const writeIndex = () => {
    index = mergeIndex(readIndex(safe.get(INDEX_KEY)).value, index, removed);
    put(INDEX_KEY, serialiseIndex(index));
    publish();
  };
  const entry = (id: string | null) => index.entries.find((e) => e.id === id);
  const patchEntry = (id: string, patch: Partial<LibraryEntry>) => {
    index = { ...index, entries: index.entries.map((e) => (e.id === id ? { ...e, ...patch } : e)) };
  };
  const current = () => {
    const s = state();
    return serialiseEntry(experimentOf(s), s.runs, s.nextRunNumber).text;
  };

  /**
   * Another tab saved the open experiment while this one had edits of its own. Whoever saves
   * last must not erase the other: this tab's edits go to a copy, which stays on screen (the
   * user is working here; swapping the screen under them would look like their edits vanished),
   * and the other tab's version keeps the name. Both are in Experiments.
   */
  const fork = (id: string): string => {
    const name = entry(id)?.name ?? 'The experiment';
    const copy = newId();
    const t = now();
    const copyEntry = {
      id: copy,
      name: copyName(name),
      createdAt: t,
      updatedAt: t,
      hasWeights: false,
    };
    index = { ...index, activeId: copy, entries: [...index.entries, copyEntry] };
    seen = null;
    tell(keptBoth(name, copyEntry.name));
    return copy;
  };

  /** Writes the open experiment now, if it changed since the last write. */
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const open = index.activeId;
    if (open === null) return;
    const text = current();
    if (text === written) return;
    const stored = safe.get(entryKey(open));
    const id = stored !== null && stored !== seen ? fork(open) : open;
    if (!put(entryKey(id), text)) return;
    written = text;
    seen = text;
    patchEntry(id, { updatedAt: now() });
    writeIndex();
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, deps.debounceMs ?? 400);
  };

  /** Replaces what is on screen with a saved experiment and its runs; undo starts afresh. */
  const putOnScreen = (exp: Experiment, runs: RunHistory): string[] => {
    const problems = applyExperiment(state(), exp);
    store.setState({ runs: runs.runs, nextRunNumber: runs.nextRunNumber, liveConfig: null });
    store.temporal.getState().clear();
    return problems;
  };

  /**
   * Puts an experiment on screen as the open one; the old one is saved first. `stored`: its
   * text in storage, or null for one not stored yet (the first flush writes it).
   */
  const show = (id: string, exp: Experiment, runs: RunHistory, stored: string | null) => {
    // Reset first: a run still training is kept in the history of the experiment it belongs to.
    state().reset();
    flush();
    index = { ...index, activeId: id };
    const problems = putOnScreen(exp, runs);
    seen = stored;
    written = stored === null ? null : current();
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
    show(id, exp, runs, null);
    flush();
    return id;
  };

  /**
   * Reads a saved experiment; null (with a notice) when it cannot be opened. Whatever could not
   * be read is copied aside first: the next save writes over the record.
   */
  const read = (id: string): { saved: SavedExperiment | null; text: string | null } => {
    const name = entry(id)?.name ?? 'the saved experiment';
    const text = safe.get(entryKey(id));
    const result = readEntry(text);
    if (result.ignored.length > 0) {
      const kept = text === null ? [] : [asideNote(keepAside(safe, id, text, now()))];
      const what = result.value
        ? `Parts of '${name}' could not be read.`
        : `'${name}' could not be opened.`;
      notify('warning', what, [...result.ignored, ...kept]);
    }
    return { saved: result.value, text };
  };

  const open = (id: string): boolean => {
    const { saved, text } = read(id);
    if (!saved) return false;
    show(id, saved.experiment, saved, text);
    writeIndex();
    return true;
  };

  /**
   * Another tab wrote `key` (the page's `storage` event). A newer version of the open
   * experiment is shown here when this tab has no unsaved edits, so both tabs stay one
   * experiment; with edits here, `flush` keeps both (see `fork`).
   */
  const external = (key: string | null, text: string | null) => {
    if (key === INDEX_KEY) {
      const theirs = readIndex(text);
      // A list another tab cleared or damaged is not taken: this tab's own next write mends it.
      if (text === null || theirs.ignored.length > 0) return;
      index = adoptIndex(theirs.value, index);
      publish();
      return;
    }
    const id = index.activeId;
    if (id === null || key !== entryKey(id) || text === seen) return;
    const name = entry(id)?.name ?? 'The experiment';
    if (current() !== written) return flush();
    // Not while training here: the run ends in this tab's history, whose save then forks.
    if (isActive(state().run.status)) return;
    if (text === null) {
      seen = null;
      return tell(deletedElsewhere(name));
    }
    const other = readEntry(text).value;
    // Unreadable here (a newer version wrote it?): left alone; an edit here then forks.
    if (!other) return;
    const same = serialiseEntry(other.experiment, other.runs, other.nextRunNumber).text === written;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!same) {
      putOnScreen(other.experiment, other);
      tell(changedElsewhere(name));
    }
    seen = text;
    written = current();
  };

  const saveWeights = (runId: number) => {
    const id = index.activeId;
    if (id === null) return;
    void state()
      .weightsRequest({ type: 'saveWeights', runId, key: weightsKey(id) })
      .then((reply) => {
        // A run stopped by an edit has no model left to save: nothing to tell. Any other
        // failure (IndexedDB full or refused, the trainer gone) leaves nothing to export.
        if (reply.message !== null && !/is no longer in memory/.test(reply.message))
          tell(weightsNotSaved(runId, reply.message));
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
    load: (id: string) => read(id).saved,
    deleteWeights,
    start,
    flush,
    open,
    create,
    notify,
    tell,
    external,
    entry,
    get index() {
      return index;
    },
    /** Replaces the list (and which one is open, without opening it); `save` false: keep storage as is. */
    setIndex(next: LibraryIndex, save = true) {
      const kept = new Set(next.entries.map((e) => e.id));
      for (const e of index.entries) if (!kept.has(e.id)) removed.add(e.id);
      index = next;
      if (save) writeIndex();
      else publish();
    },
    newExperiment: () => create(nextName(index.entries), defaultExperiment()),
  };
  return session;
}

export type Session = ReturnType<typeof createSession>;
