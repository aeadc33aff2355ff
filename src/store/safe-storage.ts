import type { KeyValue } from './persistence';

/**
 * Storage that never throws: a full or blocked localStorage makes writes fail (false), and
 * `onFailure` hears about it once per run of failures, so the user is told once, not per edit.
 */
export function safeStorage(storage: KeyValue | null, onFailure: () => void) {
  let failing = storage === null;
  const attempt = <T>(f: (s: KeyValue) => T, fallback: T): T => {
    if (!storage) return fallback;
    try {
      return f(storage);
    } catch {
      return fallback;
    }
  };
  return {
    available: storage !== null,
    get: (key: string) => attempt((s) => s.getItem(key), null),
    remove: (key: string) => attempt((s) => s.removeItem(key), undefined),
    put(key: string, text: string): boolean {
      const ok = attempt((s) => {
        s.setItem(key, text);
        return true;
      }, false);
      if (!ok && !failing && storage) onFailure();
      failing = !ok;
      return ok;
    },
  };
}

export type SafeStorage = ReturnType<typeof safeStorage>;
