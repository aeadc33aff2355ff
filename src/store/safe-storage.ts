import type { KeyValue } from './persistence';
import type { StorageFault } from './storage-notices';

export interface StorageEvents {
  /** Writes started failing: heard once per run of failures, so the user is told once, not per edit. */
  onFailure(fault: StorageFault): void;
  /** A write worked again after failing. */
  onRecover(): void;
}

/** Browsers name a full store differently (Firefox's NS_ERROR_DOM_QUOTA_REACHED, old code 22). */
export function faultOf(error: unknown): StorageFault {
  if (!(error instanceof Error) && !(error instanceof DOMException)) return 'refused';
  const code = (error as { code?: unknown }).code;
  return error.name === 'QuotaExceededError' ||
    error.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014
    ? 'full'
    : 'refused';
}

/** Storage that never throws: a full or blocked localStorage makes writes fail (false). */
export function safeStorage(storage: KeyValue | null, events: StorageEvents) {
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
    /** Every key, where the storage can list them (recovery reads them); else none. */
    keys(): string[] {
      return attempt((s) => {
        const keys: string[] = [];
        const n = s.length ?? 0;
        for (let i = 0; i < n; i++) {
          const k = s.key?.(i);
          if (typeof k === 'string') keys.push(k);
        }
        return keys;
      }, []);
    },
    put(key: string, text: string): boolean {
      if (!storage) return false;
      try {
        storage.setItem(key, text);
      } catch (error) {
        if (!failing) events.onFailure(faultOf(error));
        failing = true;
        return false;
      }
      if (failing) events.onRecover();
      failing = false;
      return true;
    },
  };
}

export type SafeStorage = ReturnType<typeof safeStorage>;
