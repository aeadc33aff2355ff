import type { Result } from '../result';

/** The version of the experiment document written by encodeExperiment: `{ v: 2, ... }`. */
export const CURRENT_VERSION = 2;

export type Doc = Record<string, unknown>;

/** Turns a version-n document into a version-(n + 1) one. Pure; may assume nothing about input. */
export type Migration = (doc: Doc) => Doc;

/**
 * MIGRATIONS[n] upgrades version n to n + 1; a new version adds one function here and bumps
 * CURRENT_VERSION. Version 2 added the optional `teach` section (teaching links): a version-1
 * link has none, which reads as "nothing hidden, no note", so its step only renumbers it.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (doc) => ({ ...doc, v: 2 }),
};

/**
 * Runs the migrations from `from` up to `to`. A document from a newer Layerlab is not an error:
 * the caller reads what it understands and reports the rest.
 */
export function migrate(
  from: number,
  doc: Doc,
  table: Readonly<Record<number, Migration>> = MIGRATIONS,
  to: number = CURRENT_VERSION,
): Result<Doc> {
  if (!Number.isInteger(from) || from < 0) {
    return { ok: false, reason: `the format version ${String(from)} is not a version number` };
  }
  let current = doc;
  for (let v = from; v < to; v++) {
    const step = Object.hasOwn(table, v) ? table[v] : undefined;
    if (!step) return { ok: false, reason: `there is no upgrade from format version ${v}` };
    try {
      current = step(current);
    } catch {
      // A migration meeting input it did not expect is a bug, but a link must still open.
      return { ok: false, reason: `upgrading it from format version ${v} failed` };
    }
  }
  return { ok: true, value: current };
}
