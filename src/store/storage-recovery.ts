import { MAX_ENTRIES, STORAGE_VERSION } from './persistence';
import type { SafeStorage } from './safe-storage';
import type { LibraryEntry } from './share-slice';

/**
 * What is done with stored records that no longer read (an older or newer version, a hand
 * edit, a write cut short): never deleted. The original text is copied under an "aside" key
 * before anything could write over it, and the message names that key.
 */
export const ASIDE_PREFIX = `layerlab.v${STORAGE_VERSION}.aside.`;
const EXPERIMENT_PREFIX = `layerlab.v${STORAGE_VERSION}.experiment.`;

/** Copies `raw` aside under a key naming `what`; returns the key, or null if storage refused. */
export function keepAside(
  storage: Pick<SafeStorage, 'get' | 'put'>,
  what: string,
  raw: string,
  now: number,
): string | null {
  const plain = `${ASIDE_PREFIX}${what}`;
  const existing = storage.get(plain);
  if (existing === raw) return plain;
  // A second, different damaged copy must not replace the first one kept.
  const key = existing === null ? plain : `${plain}.${now}`;
  return storage.put(key, raw) ? key : null;
}

/** The sentence that says where the original went. */
export function asideNote(key: string | null): string {
  return key === null
    ? 'Its original text is still in this browser, unchanged, but could not be copied aside (storage is full).'
    : `Its original text was kept unchanged in this browser's storage under '${key}' (developer tools → Application → Local Storage), so nothing was deleted.`;
}

/**
 * A damaged index lists nothing, but the experiments it listed are still stored each under its
 * own key: list them again, as "Recovered experiment N", so none is orphaned.
 */
export function recoverEntries(keys: readonly string[], now: number): LibraryEntry[] {
  const ids = keys
    .filter((k) => k.startsWith(EXPERIMENT_PREFIX))
    .map((k) => k.slice(EXPERIMENT_PREFIX.length))
    .filter((id) => /^[A-Za-z0-9_-]{1,40}$/.test(id))
    .sort()
    .slice(0, MAX_ENTRIES);
  return ids.map((id, i) => ({
    id,
    name: `Recovered experiment ${i + 1}`,
    createdAt: now,
    updatedAt: now,
    hasWeights: false,
  }));
}
