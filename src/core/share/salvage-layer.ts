import { describeRange, getDef, isLayerKind, type LayerSpec } from '../layers/catalog';
import { isRecord, own, showValue } from './safe-json';
import { safeKey } from './salvage-fields';

/**
 * Reads one layer of a hand-edited link argument by argument: a bad argument takes its default
 * and the rest of the layer stays, because dropping the whole layer (or model) for one typo
 * would change what the link shows far more. Only a layer whose kind is unknown is left out:
 * there is nothing to fill its arguments in from. `where` is "layer 3", as the notes say it.
 */
export function salvageLayer(
  raw: unknown,
  id: string,
  where: string,
  notes: string[],
): LayerSpec | null {
  if (!isRecord(raw)) {
    notes.push(`model: ${where}: not a layer (got ${showValue(raw)}); it was left out`);
    return null;
  }
  const kind = own(raw, 'kind');
  if (typeof kind !== 'string' || !isLayerKind(kind)) {
    const why =
      kind === undefined
        ? 'it has no type'
        : `the type ${showValue(kind)} is not one Layerlab knows`;
    notes.push(`model: ${where}: ${why}, so the layer was left out`);
    return null;
  }
  const at = `model: ${where} (${kind})`;
  const params = salvageParams(kind, own(raw, 'params'), at, notes);
  const name = own(raw, 'name');
  const layer = { id, kind, params } as LayerSpec;
  if (typeof name === 'string') {
    const trimmed = name.trim();
    return trimmed === '' ? layer : { ...layer, name: trimmed };
  }
  if (name !== undefined) {
    notes.push(`${at}: the name ${showValue(name)} is not text; it got its automatic name`);
  }
  return layer;
}

function salvageParams(kind: LayerSpec['kind'], raw: unknown, at: string, notes: string[]) {
  const def = getDef(kind);
  const defaults = def.defaults as Record<string, unknown>;
  if (raw !== undefined && !isRecord(raw)) {
    notes.push(
      `${at}: its arguments are not a group of settings (got ${showValue(raw)}); the defaults were used`,
    );
  }
  const source = isRecord(raw) ? raw : {};
  // An argument the link lacks is not worth a note: links made before it existed lack it.
  const candidate: Record<string, unknown> = structuredClone(defaults);
  for (const key of Object.keys(source)) {
    if (Object.hasOwn(defaults, key)) candidate[key] = source[key];
    else notes.push(`${at}: ${safeKey(key)} is not an argument of ${kind}, so it was ignored`);
  }
  // Arguments are checked one by one (no rule relates two), so one pass finds every bad one.
  const parsed = def.schema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const bad = new Set(
    parsed.error.issues.map((i) => i.path[0]).filter((k) => typeof k === 'string'),
  );
  for (const key of bad) {
    const field = def.fields.find((f) => f.name === key);
    const message = parsed.error.issues.find((i) => i.path[0] === key)?.message ?? 'invalid';
    // A fixed argument (ELU alpha) has no field; its message names it already.
    const said = message.startsWith(key) ? message : `${key}: ${message}`;
    const problem = field
      ? describeRange(field, candidate[key])
      : `${said} (got ${showValue(candidate[key])})`;
    notes.push(`${at}: ${problem}; the default ${showValue(defaults[key])} was used`);
    candidate[key] = structuredClone(defaults[key]);
  }
  const again = def.schema.safeParse(candidate);
  // Defaults always pass their own schema (catalog.test.ts checks it).
  return again.success ? again.data : structuredClone(def.defaults);
}
