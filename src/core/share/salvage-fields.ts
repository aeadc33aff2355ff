import type { FieldRule } from './experiment';
import { isRecord, showValue } from './safe-json';

export interface Salvaged<T> {
  value: T;
  ignored: string[];
}

type Rules = Record<string, FieldRule<unknown>>;
type ValuesOf<R extends Rules> = { [K in keyof R]: R[K] extends FieldRule<infer T> ? T : never };

/**
 * Reads a flat section (training, view) field by field: each valid field is kept, each invalid
 * one falls back to its default with a sentence naming it. A missing field is not worth a note:
 * links made before the field existed simply lack it.
 */
export function salvageFields<R extends Rules>(
  section: string,
  raw: unknown,
  rules: R,
): Salvaged<ValuesOf<R>> {
  const ignored: string[] = [];
  const out: Record<string, unknown> = {};
  const source = isRecord(raw) ? raw : {};
  if (raw !== undefined && !isRecord(raw)) {
    ignored.push(
      `${section}: not a group of settings (got ${showValue(raw)}); the defaults were used`,
    );
  }
  for (const [key, rule] of Object.entries(rules)) {
    const given = Object.hasOwn(source, key) ? source[key] : undefined;
    const parsed = given === undefined ? undefined : rule.schema.safeParse(given);
    if (parsed?.success) {
      out[key] = parsed.data;
      continue;
    }
    out[key] = structuredClone(rule.default);
    if (parsed) {
      const problem = `${typeProblem(rule, given) ?? rule.expects} (got ${showValue(given)})`;
      ignored.push(
        `${section}.${key}: ${problem}; the default ${showValue(rule.default)} was used`,
      );
    }
  }
  for (const key of Object.keys(source)) {
    if (!Object.hasOwn(rules, key)) {
      ignored.push(`${section}.${safeKey(key)}: not a Layerlab setting, so it was ignored`);
    }
  }
  return { value: out as ValuesOf<R>, ignored };
}

/** "not a number" when the type itself is wrong, which reads better than a range. */
function typeProblem(rule: FieldRule<unknown>, value: unknown): string | undefined {
  const want = typeof rule.default;
  if (Array.isArray(rule.default)) return Array.isArray(value) ? undefined : 'not a list';
  if (typeof value === want) return undefined;
  if (want === 'number') return 'not a number';
  if (want === 'boolean') return 'not true or false';
  return undefined;
}

/** A key from a link, shortened and quoted when it is not a plain identifier. */
export function safeKey(key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]{0,39}$/.test(key)) return key;
  return showValue(key);
}
