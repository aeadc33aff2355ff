import { decodeExperiment } from '../core/share/codec';
import { experimentOf } from './experiment-state';
import {
  byRecent,
  entryKey,
  INDEX_KEY,
  MAX_ENTRIES,
  nextName,
  readEntry,
  readIndex,
  type LibraryIndex,
  type Read,
} from './persistence';
import type { Session } from './session';
import { savingUnavailable } from './storage-notices';
import { asideNote, keepAside, recoverEntries } from './storage-recovery';

export const LINK_NOTICE = 'This link had parts that could not be used; defaults took their place.';

/**
 * What opens at start. A link in the address bar wins over the autosave and becomes an
 * experiment of its own, unless it is the open experiment's own link (a reload). `resume` is
 * the experiment this tab had open before a reload: its autosave is newer than the hash, which
 * is written after a pause and may miss the last edit. With neither, the last experiment opens.
 */
export function restoreSession(session: Session, hash: string, resume: string | null): void {
  const { storage } = session;
  if (!storage.available) session.tell(savingUnavailable());
  const text = storage.get(INDEX_KEY);
  const read = readIndex(text);
  if (read.ignored.length > 0 && text !== null) read.value = recover(session, read, text);
  const active = read.value.activeId;
  // Nothing is open yet: the store holds defaults, which must not be saved over anything.
  session.setIndex({ ...read.value, activeId: null }, false);
  if (resume !== null && session.entry(resume) && session.open(resume)) return;

  const link = hash.replace(/^#/, '').trim();
  if (link !== '') {
    const own = active !== null ? readEntry(storage.get(entryKey(active))).value : null;
    if (own && active !== null && own.hash === link && session.open(active)) return;
    const decoded = decodeExperiment(link);
    session.create('From a link', decoded.experiment);
    if (decoded.ignored.length > 0) session.notify('warning', LINK_NOTICE, decoded.ignored, 'link');
    return;
  }
  const last = active ?? byRecent(read.value.entries)[0]?.id ?? null;
  if (last !== null && session.open(last)) return;
  const s = session.store.getState();
  session.create(nextName(read.value.entries), experimentOf(s), s);
}

/**
 * The index had parts that could not be read: its text is kept aside, and every experiment
 * still stored under its own key but no longer listed is listed again, so none is lost.
 */
function recover(session: Session, read: Read<LibraryIndex>, text: string): LibraryIndex {
  const { storage } = session;
  const now = Date.now();
  const listed = new Set(read.value.entries.map((e) => e.id));
  const found = recoverEntries(storage.keys(), now).filter((e) => !listed.has(e.id));
  const items = [...read.ignored];
  const entries = [...read.value.entries, ...found].slice(0, MAX_ENTRIES);
  if (found.length > 0) {
    items.push(
      `${found.length} saved experiment${found.length === 1 ? ' was' : 's were'} found and listed again as 'Recovered experiment …': rename them in Experiments.`,
    );
  }
  items.push(asideNote(keepAside(storage, 'index', text, now)));
  session.notify('warning', 'The list of saved experiments could not all be read.', items);
  return { ...read.value, entries };
}
