/**
 * Expected failures are values: `reason` is a sentence the user can act on, naming the row,
 * column or field. Kept local (same shape as core's) so data/ depends on nothing but zod and
 * papaparse and can be bundled into the worker on its own.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(reason: string): Result<T> => ({ ok: false, reason });

/** Groups thousands with a no-break space ("5 479"), readable in any locale and never wrapped. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** "1 step" / "3 steps" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
