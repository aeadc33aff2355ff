import { z } from 'zod';
import type { SavedRun } from '../core/charts/saved-run';
import { decodeExperiment, encodeExperiment, HASH_PREFIX } from '../core/share/codec';
import type { Experiment } from '../core/share/experiment';
import { own, parseJsonSafely } from '../core/share/safe-json';
import { readRuns } from './runs-schema';
import type { LibraryEntry } from './share-slice';

/**
 * What the browser keeps between visits, in localStorage: an index of saved experiments, and
 * each experiment under its own key (its link hash plus its run history), so one big history
 * cannot stop the others from saving. Everything read back is validated; whatever is damaged
 * is dropped with a sentence saying so, never thrown. Versioned by the `v` in each record and
 * in the key names, so a future format can live beside this one.
 */
export const STORAGE_VERSION = 1;
export const INDEX_KEY = 'layerlab.v1.index';
export const entryKey = (id: string) => `layerlab.v1.experiment.${id}`;
/** The tfjs IndexedDB model of an experiment's trained weights: indexeddb://layerlab-<id>. */
export const weightsKey = (id: string) => `layerlab-${id}`;

export const MAX_ENTRIES = 100;
export const MAX_NAME = 60;

/** localStorage, or a Map in tests. */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Listing keys (localStorage has both) lets a damaged index be rebuilt from the records. */
  readonly length?: number;
  key?(index: number): string | null;
}

export interface LibraryIndex {
  activeId: string | null;
  entries: LibraryEntry[];
}

const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const entrySchema = z.object({
  id,
  name: z.string().min(1).max(MAX_NAME),
  createdAt: z.number(),
  updatedAt: z.number(),
  hasWeights: z.boolean().catch(false),
});

export interface Read<T> {
  value: T;
  /** Sentences about what could not be read. */
  ignored: string[];
}

const emptyIndex = (): LibraryIndex => ({ activeId: null, entries: [] });

function parseStored(text: string): { ok: true; value: unknown } | { ok: false } {
  const parsed = parseJsonSafely(text);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false };
}

export function readIndex(text: string | null): Read<LibraryIndex> {
  if (text === null) return { value: emptyIndex(), ignored: [] };
  const parsed = parseStored(text);
  const damaged = {
    value: emptyIndex(),
    ignored: ['The list of saved experiments was damaged, so it was started again.'],
  };
  if (!parsed.ok || own(parsed.value, 'v') !== STORAGE_VERSION) return damaged;
  const raw = own(parsed.value, 'entries');
  if (!Array.isArray(raw)) return damaged;
  const ignored: string[] = [];
  const entries: LibraryEntry[] = [];
  for (const item of raw.slice(0, MAX_ENTRIES)) {
    const r = entrySchema.safeParse(item);
    if (r.success && !entries.some((e) => e.id === r.data.id)) entries.push(r.data);
    else ignored.push('A saved experiment could not be read, so it was left out of the list.');
  }
  const active = own(parsed.value, 'activeId');
  const activeId = entries.some((e) => e.id === active) ? (active as string) : null;
  return { value: { activeId, entries }, ignored };
}

export const serialiseIndex = (index: LibraryIndex): string =>
  JSON.stringify({ v: STORAGE_VERSION, activeId: index.activeId, entries: index.entries });

export interface SavedExperiment {
  experiment: Experiment;
  /** The experiment as its link hash: how it is stored, and how a link finds it again. */
  hash: string;
  runs: SavedRun[];
  nextRunNumber: number;
}

export function serialiseEntry(exp: Experiment, runs: SavedRun[], nextRunNumber: number) {
  const hash = encodeExperiment(exp);
  return { hash, text: JSON.stringify({ v: STORAGE_VERSION, hash, runs, nextRunNumber }) };
}

/** A saved experiment read back through the link decoder, so it gets the link's checks. */
export function readEntry(text: string | null): Read<SavedExperiment | null> {
  if (text === null) return { value: null, ignored: ['Its saved copy is missing.'] };
  // A bare link pasted in by hand (with or without its '#') is an experiment with no runs.
  const link = text.trim().replace(/^#/, '');
  if (link.startsWith(HASH_PREFIX))
    return readEntry(JSON.stringify({ v: STORAGE_VERSION, hash: link }));
  const parsed = parseStored(text);
  const hash = parsed.ok ? own(parsed.value, 'hash') : undefined;
  const v = parsed.ok ? own(parsed.value, 'v') : undefined;
  if (typeof v === 'number' && v > STORAGE_VERSION) {
    return {
      value: null,
      ignored: [
        `It was saved by a newer version of Layerlab (format ${v}; this one reads ${STORAGE_VERSION}): open it there.`,
      ],
    };
  }
  if (!parsed.ok || v !== STORAGE_VERSION || typeof hash !== 'string') {
    return {
      value: null,
      ignored: ['Its saved copy is damaged (cut short or edited by hand) and could not be read.'],
    };
  }
  const decoded = decodeExperiment(hash);
  const runs = readRuns(own(parsed.value, 'runs'), own(parsed.value, 'nextRunNumber'));
  const value = {
    experiment: decoded.experiment,
    hash,
    runs: runs.runs,
    nextRunNumber: runs.nextRunNumber,
  };
  return { value, ignored: [...decoded.ignored, ...runs.ignored] };
}

/** Trimmed, single-spaced; null when empty or too long. */
export function cleanName(name: string): string | null {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  return trimmed.length > 0 && trimmed.length <= MAX_NAME ? trimmed : null;
}

/** "Experiment 3": the first number no entry uses yet. */
export function nextName(entries: readonly LibraryEntry[], base = 'Experiment'): string {
  const used = new Set(entries.map((e) => e.name));
  for (let n = 1; ; n++) if (!used.has(`${base} ${n}`)) return `${base} ${n}`;
}

/** "Copy of X", shortened so it still fits. */
export const copyName = (name: string) => `Copy of ${name}`.slice(0, MAX_NAME);

/** Newest first, as the list shows them. */
export const byRecent = (entries: readonly LibraryEntry[]) =>
  [...entries].sort((a, b) => b.updatedAt - a.updatedAt);
