/**
 * JSON.parse for text from outside (a link, a file). Keys that could reach a prototype
 * (__proto__, constructor, prototype) are removed while parsing, so no later spread or
 * Object.assign can act on them, and nesting is capped: nothing Layerlab stores is deep.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);
export const MAX_DEPTH = 32;

export type SafeJson =
  { ok: true; value: unknown; droppedKeys: string[] } | { ok: false; reason: string };

export function parseJsonSafely(text: string): SafeJson {
  const dropped = new Set<string>();
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) {
        dropped.add(key);
        return undefined;
      }
      return v;
    });
  } catch (e) {
    // A RangeError is the engine running out of stack on absurd nesting.
    const reason = e instanceof SyntaxError ? 'it is not valid JSON' : 'it is nested too deeply';
    return { ok: false, reason };
  }
  if (depthOf(value, MAX_DEPTH + 1) > MAX_DEPTH) {
    return { ok: false, reason: `it is nested more than ${MAX_DEPTH} levels deep` };
  }
  return { ok: true, value, droppedKeys: [...dropped] };
}

/** Depth of nested arrays/objects, counting stops once past `limit` (the caller only compares). */
function depthOf(value: unknown, limit: number): number {
  // Iterative, so a hostile document cannot overflow the stack here.
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Own enumerable property, read without touching prototypes. */
export function own(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A value as it appears in a message: JSON, one line, at most ~40 characters. */
export function showValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = 'an unreadable value';
  }
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
