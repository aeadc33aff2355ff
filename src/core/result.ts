/**
 * Expected failures are values: `reason` is a sentence the user can act on, naming the layer,
 * row, column or field. Declared once for core, data, store and the UI; it imports nothing, so
 * data/ and the worker take it without pulling anything else in.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(reason: string): Result<T> => ({ ok: false, reason });
