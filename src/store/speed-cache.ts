import { z } from 'zod';
import { knownSpeedsSchema, type KnownSpeeds } from '../core/training/protocol';
import type { KeyValue } from './persistence';

/**
 * Auto's measurements, kept between visits so a model measured once starts on its fastest
 * backend at once next time. Keyed by runKey (the model and what its step speed depends on);
 * the worker ignores an entry measured on another browser or machine. A cache: anything
 * unreadable is dropped, and a full storage only means measuring again.
 */
export const SPEEDS_KEY = 'layerlab.speeds.v1';
export const MAX_SPEED_ENTRIES = 30;

const entriesSchema = z.record(z.string(), knownSpeedsSchema.extend({ at: z.number() }));
type Entries = z.infer<typeof entriesSchema>;

function read(storage: KeyValue | null): Entries {
  try {
    const text = storage?.getItem(SPEEDS_KEY);
    if (!text) return {};
    const parsed = entriesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function knownSpeeds(storage: KeyValue | null, key: string): KnownSpeeds | null {
  const entry = read(storage)[key];
  return entry ? { machine: entry.machine, results: entry.results } : null;
}

export function keepSpeeds(
  storage: KeyValue | null,
  key: string,
  speeds: KnownSpeeds,
  now = Date.now(),
): void {
  const entries = { ...read(storage), [key]: { ...speeds, at: now } };
  const newest = Object.entries(entries)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, MAX_SPEED_ENTRIES);
  try {
    storage?.setItem(SPEEDS_KEY, JSON.stringify(Object.fromEntries(newest)));
  } catch {
    // Full or blocked: Auto measures again next time; nothing the user made is lost.
  }
}
