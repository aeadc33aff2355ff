import { decodeExperiment, encodeExperiment, type Decoded } from '../core/share/codec';
import type { TeachConfig } from '../core/share/teach';
import { applyExperiment, experimentChanged, experimentOf } from './experiment-state';
import type { AppStore } from './session';

/** The address bar, as url-sync needs it: window.location and history in the page, a fake in tests. */
export interface UrlPort {
  /** The hash without its '#'. */
  read(): string;
  /** Replaces the hash without a new history entry (history.replaceState). */
  write(hash: string): void;
  /** Calls back when the user (not this module) changes the hash: hashchange. */
  listen(onChange: () => void): () => void;
}

/**
 * What a teaching link hides and its note, as url-sync needs it: the page's teach view
 * (store/teach-view.ts), or a fake in tests.
 */
export interface TeachSource {
  getState(): TeachConfig;
  subscribe(onChange: (now: TeachConfig, before: TeachConfig) => void): () => void;
}

export interface UrlSyncOptions {
  debounceMs?: number;
  /**
   * Written into the address beside the experiment, so a teaching link's recipient who reloads
   * still sees what the link hid (until they show everything or dismiss the note).
   */
  teach?: TeachSource;
  /** A hash edited by hand was read: what it left out, and what the store refused. */
  onApplied(decoded: Decoded, problems: string[]): void;
}

export const stripHash = (hash: string) => hash.replace(/^#/, '').trim();

/**
 * Keeps the address bar's hash equal to the experiment on screen (and, on a teaching link, what
 * it still hides and its note): each edit rewrites it after a short pause (replaceState, so
 * editing adds no history entries), and a hash edited by hand is read and applied. replaceState fires no hashchange, so the app never re-reads its own writes;
 * `written` also covers a back/forward onto a hash it wrote itself.
 */
export function startUrlSync(store: AppStore, url: UrlPort, opts: UrlSyncOptions) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = stripHash(url.read());

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const hash = encodeExperiment(experimentOf(store.getState()), opts.teach?.getState());
    if (hash !== stripHash(url.read())) url.write(hash);
    written = hash;
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, opts.debounceMs ?? 300);
  };

  const onHashChange = () => {
    const hash = stripHash(url.read());
    if (hash === written) return;
    // An emptied hash asks for nothing: put the experiment on screen back in it.
    if (hash === '') return flush();
    if (timer !== null) clearTimeout(timer);
    timer = null;
    written = hash;
    const decoded = decodeExperiment(hash);
    const problems = applyExperiment(store.getState(), decoded.experiment);
    opts.onApplied(decoded, problems);
    // What was applied may differ from what was typed (defaults filled in): show it.
    schedule();
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (experimentChanged(s, prev)) schedule();
  });
  const unlistenTeach =
    opts.teach?.subscribe((now, before) => {
      if (now.hidden !== before.hidden || now.note !== before.note) schedule();
    }) ?? (() => undefined);
  const unlisten = url.listen(onHashChange);
  // A first visit has no hash yet: give it one, so the address bar is a link from the start.
  schedule();

  return {
    /** Writes the hash now (before copying the link). */
    flush,
    stop() {
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
      unlistenTeach();
      unlisten();
    },
  };
}

export type UrlSync = ReturnType<typeof startUrlSync>;

/** The real address bar. Kept here, thin, so the logic above is tested with a fake. */
export const windowUrl = (win: Window): UrlPort => ({
  read: () => win.location.hash,
  write: (hash) => win.history.replaceState(win.history.state, '', `#${hash}`),
  listen: (onChange) => {
    win.addEventListener('hashchange', onChange);
    return () => win.removeEventListener('hashchange', onChange);
  },
});
