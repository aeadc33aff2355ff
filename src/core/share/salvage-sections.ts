import { datasetConfigSchema, defaultDatasetConfig, type DatasetConfig } from '../../data/config';
import { builtinOverrides } from '../../data/generators';
import { isRecord, own, showValue } from './safe-json';
import type { Salvaged } from './salvage-fields';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const noStop = (s: string) => s.replace(/\.$/, '');

type Path = readonly PropertyKey[];

/** Every field has a default, so dropping a bad field and parsing again keeps everything else. */
const MAX_PASSES = 16;

export function salvageData(raw: unknown): Salvaged<DatasetConfig> {
  const fallback = () => structuredClone(defaultDatasetConfig);
  if (raw === undefined) return { value: fallback(), ignored: [] };
  if (!isRecord(raw)) {
    const why = `not a group of settings (got ${showValue(raw)})`;
    return { value: fallback(), ignored: [`data: ${why}; the default data was used`] };
  }
  const doc: Record<string, unknown> = structuredClone(raw);
  const notes: { path: Path; text: string }[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const r = datasetConfigSchema.safeParse(withGeneratorDefaults(doc));
    if (r.success) return { value: r.data, ignored: notes.map((n) => finish(n, r.data)) };
    let removed = false;
    for (const issue of r.error.issues) {
      // An item of a list is not removed alone: the whole list falls back to its default.
      const cut = issue.path.findIndex((p) => typeof p === 'number');
      const path = cut < 0 ? issue.path : issue.path.slice(0, cut);
      if (path.length === 0 || !remove(doc, path)) continue;
      removed = true;
      const item = cut < 0 ? '' : `item ${Number(issue.path[cut]) + 1}: `;
      const got = showValue(cut < 0 ? valueAt(raw, path) : valueAt(raw, issue.path));
      const why = `${item}${noStop(lowerFirst(issue.message))} (got ${got})`;
      notes.push({ path, text: `data.${show(path)}: ${why}` });
    }
    if (!removed) break;
  }
  return {
    value: fallback(),
    ignored: ['data: the dataset settings could not be read; the default data was used'],
  };
}

/** Fields a link leaves out take the named generator's own defaults (sine: windowed). */
function withGeneratorDefaults(doc: Record<string, unknown>): Record<string, unknown> {
  if (doc['source'] !== 'builtin' || typeof doc['id'] !== 'string') return doc;
  return deepMerge(builtinOverrides(doc['id']), doc);
}

function deepMerge(base: Record<string, unknown>, top: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(top)) {
    const b = Object.hasOwn(out, k) ? out[k] : undefined;
    // defineProperty: a link's "__proto__" key stays a plain key, never a prototype.
    Object.defineProperty(out, k, {
      value: isRecord(b) && isRecord(v) ? deepMerge(b, v) : v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Says what took the bad value's place: its default, or nothing (an entry of a table). */
function finish(note: { path: Path; text: string }, result: unknown): string {
  const now = valueAt(result, note.path);
  const after = now === undefined ? 'it was left out' : `the default ${showValue(now)} was used`;
  return `${note.text}; ${after}`;
}

const show = (path: Path) => path.map(String).join('.');

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) {
    if (typeof p === 'number') v = Array.isArray(v) ? (v as unknown[])[p] : undefined;
    else v = typeof p === 'string' ? own(v, p) : undefined;
  }
  return v;
}

function remove(root: Record<string, unknown>, path: Path): boolean {
  const parent = valueAt(root, path.slice(0, -1));
  const key = path.at(-1);
  if (!isRecord(parent) || typeof key !== 'string' || !Object.hasOwn(parent, key)) return false;
  delete parent[key];
  return true;
}
