import { decodeExperiment } from '../core/share/codec';
import { experimentOf } from './experiment-state';
import { byRecent, entryKey, INDEX_KEY, nextName, readEntry, readIndex } from './persistence';
import type { Session } from './session';

export const LINK_NOTICE = 'This link had parts that could not be used; defaults took their place.';

/**
 * What opens at start. A link in the address bar wins over the autosave and becomes an
 * experiment of its own, unless it is the open experiment's own link (a reload). `resume` is
 * the experiment this tab had open before a reload: its autosave is newer than the hash, which
 * is written after a pause and may miss the last edit. With neither, the last experiment opens.
 */
export function restoreSession(session: Session, hash: string, resume: string | null): void {
  const { storage } = session;
  if (!storage.available) {
    session.notify(
      'warning',
      'This browser does not let Layerlab save: your work lives in its link only.',
      ['Copy the link before you leave, or allow this site to store data.'],
    );
  }
  const read = readIndex(storage.get(INDEX_KEY));
  if (read.ignored.length > 0) {
    session.notify('warning', 'Saved experiments could not all be read.', read.ignored);
  }
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
