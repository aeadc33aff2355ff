// Result is core's one declaration: data/ reads and reports failures the same way.
export { fail, ok, type Result } from '../core/result';

/** Groups thousands with a no-break space ("5 479"), readable in any locale and never wrapped. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** "1 step" / "3 steps" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
