/**
 * Python literals from values. Everything that reaches a generated script goes through here,
 * so user text (layer names, file and column names) can only ever become a string literal.
 */

/** A double-quoted Python string; non-ASCII and control characters become escapes. */
export function pyString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** An int stays an int; `float: true` writes 1 as 1.0 so the script shows the argument is real. */
export function pyNumber(n: number, opts: { float?: boolean } = {}): string {
  if (Number.isNaN(n)) return 'float("nan")';
  if (!Number.isFinite(n)) return n > 0 ? 'float("inf")' : '-float("inf")';
  const text = String(n);
  return opts.float && /^-?\d+$/.test(text) ? `${text}.0` : text;
}

export const pyBool = (b: boolean): string => (b ? 'True' : 'False');

/** A tuple; a 1-tuple keeps its comma, as Python needs. */
export function pyTuple(items: readonly string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

export function pyList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

/** Any JSON-like value; lists become tuples, as Keras writes shapes and sizes. */
export function pyValue(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return pyBool(v);
  if (typeof v === 'number') return pyNumber(v);
  if (typeof v === 'string') return pyString(v);
  if (Array.isArray(v)) return pyTuple(v.map(pyValue));
  const entries = Object.entries(v as Record<string, unknown>);
  return `{${entries.map(([k, x]) => `${pyString(k)}: ${pyValue(x)}`).join(', ')}}`;
}

/** `name=value` pairs for a call, in the given order. */
export function pyKwargs(args: readonly (readonly [string, string])[]): string {
  return args.map(([k, v]) => `${k}=${v}`).join(', ');
}
