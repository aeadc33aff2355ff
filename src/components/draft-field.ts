import type { Result } from '../core/result';

/**
 * A typed field's text is a draft until it is committed (blur or Enter): only then, and only
 * when it reads as a valid value, does it reach the store. Typing "1e6" must never leave the
 * "1" it starts with in use. Pure, so the rules are tested without a DOM.
 */
export interface FieldRules<T> {
  /** Reads the text, the range included; the reason is the sentence shown under the field. */
  parse(text: string): Result<T>;
  /** Puts the value in use; returns why not when the store refuses it (null: applied). */
  apply(value: T): string | null;
  /** Said when a number input holds text the browser cannot read (it reports only ''). */
  unreadable?: string;
}

/** Text typed but not in use. */
export interface Draft {
  text: string;
  /** The value in use (as text) when typing began: if it changes elsewhere, the draft is stale. */
  base: string;
  /** False when the browser's input holds text it could not read (its value is then ''). */
  readable: boolean;
  /** Shown under the field while typing and after a refused commit. */
  error: string | null;
}

function read<T>(rules: FieldRules<T>, draft: Draft): Result<T> {
  if (draft.readable) return rules.parse(draft.text);
  return { ok: false, reason: rules.unreadable ?? 'That is not a number.' };
}

/** A keystroke: the text is checked so the reason shows at once, and nothing is applied. */
export function edit<T>(rules: FieldRules<T>, inUse: string, text: string, readable = true): Draft {
  const draft = { text, base: inUse, readable, error: null };
  const parsed = read(rules, draft);
  return parsed.ok ? draft : { ...draft, error: parsed.reason };
}

/**
 * The draft still worth showing: one begun on another value in use (undo, a loaded link, the
 * optimizer's default rate) would hide that value, so it is dropped.
 */
export function current(draft: Draft | null, inUse: string): Draft | null {
  return draft !== null && draft.base === inUse ? draft : null;
}

/** Blur or Enter: a valid draft is applied and goes; an invalid or refused one stays, explained. */
export function commit<T>(rules: FieldRules<T>, draft: Draft | null): Draft | null {
  if (draft === null) return null;
  // Retyping the value in use changes nothing, and must not make an undo step of nothing.
  if (draft.readable && draft.text === draft.base) return null;
  const parsed = read(rules, draft);
  if (!parsed.ok) return { ...draft, error: parsed.reason };
  const refusal = rules.apply(parsed.value);
  return refusal === null ? null : { ...draft, error: refusal };
}
