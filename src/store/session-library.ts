import type { Result } from '../core/result';
import {
  byRecent,
  cleanName,
  copyName,
  entryKey,
  MAX_ENTRIES,
  MAX_NAME,
  weightsKey,
} from './persistence';
import type { Session } from './session';

/**
 * The saved-experiments menu: new, open, rename, duplicate, delete. Each keeps what is on
 * screen saved first, and says in a sentence why it could not do what was asked.
 */
export function createLibrary(session: Session) {
  const full = (): Result<string> | null =>
    session.index.entries.length >= MAX_ENTRIES
      ? {
          ok: false,
          reason: `There are ${MAX_ENTRIES} saved experiments, the most this browser keeps: delete one first.`,
        }
      : null;

  return {
    newExperiment(): Result<string> {
      return full() ?? { ok: true, value: session.newExperiment() };
    },

    open(id: string): Result<string> {
      if (session.index.activeId === id) return { ok: true, value: id };
      if (!session.entry(id)) return { ok: false, reason: 'That experiment is no longer saved.' };
      return session.open(id)
        ? { ok: true, value: id }
        : { ok: false, reason: 'That experiment could not be opened.' };
    },

    rename(id: string, name: string): Result<string> {
      const clean = cleanName(name);
      if (clean === null) return { ok: false, reason: `A name needs 1 to ${MAX_NAME} characters.` };
      const { index } = session;
      const entries = index.entries.map((e) => (e.id === id ? { ...e, name: clean } : e));
      session.setIndex({ ...index, entries });
      return { ok: true, value: clean };
    },

    /** Copies the saved experiment and its run history (not its weights), and opens the copy. */
    duplicate(id: string): Result<string> {
      const source = session.entry(id);
      if (!source) return { ok: false, reason: 'That experiment is no longer saved.' };
      const refused = full();
      if (refused) return refused;
      session.flush();
      const saved = session.load(id);
      if (!saved) return { ok: false, reason: 'That experiment could not be read to copy it.' };
      return { ok: true, value: session.create(copyName(source.name), saved.experiment, saved) };
    },

    /** Deletes the saved copy and its trained weights; deleting the open one opens another. */
    remove(id: string): Result<string> {
      const gone = session.entry(id);
      if (!gone) return { ok: false, reason: 'That experiment is no longer saved.' };
      const { index } = session;
      const rest = index.entries.filter((e) => e.id !== id);
      session.storage.remove(entryKey(id));
      session.deleteWeights(weightsKey(id));
      const wasOpen = index.activeId === id;
      session.setIndex({ activeId: wasOpen ? null : index.activeId, entries: rest });
      if (wasOpen) {
        const next = byRecent(rest)[0];
        if (!next || !session.open(next.id)) session.newExperiment();
      }
      return { ok: true, value: gone.name };
    },
  };
}

export type Library = ReturnType<typeof createLibrary>;
