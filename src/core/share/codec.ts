import LZString from 'lz-string';
import { decompressBounded } from './lz-bounded';
import { defaultExperiment, TRAINING_RULES, VIEW_RULES, type Experiment } from './experiment';
import { CURRENT_VERSION, MIGRATIONS, migrate, type Doc, type Migration } from './migrations';
import { isRecord, own, parseJsonSafely, showValue } from './safe-json';
import { salvageFields, safeKey } from './salvage-fields';
import { salvageModel } from './salvage-model';
import { salvageData } from './salvage-sections';
import { readSweepSection } from './sweep-section';
import { isTeaching, TEACH_RULES, type TeachConfig } from './teach';

/**
 * An experiment as a URL hash: `e1.` + lz-string(JSON of `{ v, model, data, training, view }`,
 * and `teach` on a teaching link).
 * The `e1.` tag names the container (lz-string over JSON); `v` inside names the schema, which
 * migrations upgrade. Limits keep a hostile link cheap to reject: real experiments are a few KB.
 */
export const HASH_PREFIX = 'e1.';
export const MAX_HASH_LENGTH = 16 * 1024;
export const MAX_DECODED_LENGTH = 64 * 1024;

export interface Decoded {
  experiment: Experiment;
  /** Sentences naming each part of the link that was not used, and why. */
  ignored: string[];
  /** Only on a teaching link: what to hide from the recipient, and the note to show them. */
  teach?: TeachConfig;
}

/**
 * Only the four sections travel, whatever else the object passed in carries; `teach` is added
 * for a teaching link (hidden parts or a note), and left out otherwise.
 */
export function encodeExperiment(exp: Experiment, teach?: TeachConfig): string {
  const { model, data, training, view } = exp;
  const doc = {
    v: CURRENT_VERSION,
    model,
    data,
    training,
    view,
    ...(exp.sweep ? { sweep: exp.sweep } : {}),
    ...(teach && isTeaching(teach) ? { teach: { hidden: teach.hidden, note: teach.note } } : {}),
  };
  return HASH_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify(doc));
}

const SECTIONS = new Set(['v', 'model', 'data', 'training', 'view', 'teach', 'sweep']);

export interface DecodeOptions {
  /** The upgrade table; tests pass their own to exercise the mechanism. */
  migrations?: Readonly<Record<number, Migration>>;
}

/** Never throws: what cannot be read falls back to the defaults, and `ignored` says so. */
export function decodeExperiment(hash: string, opts: DecodeOptions = {}): Decoded {
  try {
    return decodeUnsafe(hash, opts.migrations ?? MIGRATIONS);
  } catch {
    // Every step above is written not to throw; this is the last guard for a link that must open.
    const ignored = ['link: it could not be read; the default experiment was used'];
    return { experiment: defaultExperiment(), ignored };
  }
}

function decodeUnsafe(hash: string, migrations: Readonly<Record<number, Migration>>): Decoded {
  const text = typeof hash === 'string' ? hash.replace(/^#/, '').trim() : '';
  const fallback = (why: string): Decoded => ({
    experiment: defaultExperiment(),
    ignored: [`link: ${why}; the default experiment was used`],
  });
  if (text === '') return { experiment: defaultExperiment(), ignored: [] };
  if (text.length > MAX_HASH_LENGTH) {
    return fallback(`it is ${text.length} characters long, over the limit of ${MAX_HASH_LENGTH}`);
  }
  const tag = /^e(\d{1,6})\./.exec(text);
  if (!tag) return fallback('it is not a Layerlab experiment link (it should start with e1.)');
  if (tag[0] !== HASH_PREFIX) {
    return fallback(`it uses link format e${tag[1]}, which this version of Layerlab cannot read`);
  }
  const unpacked = decompressBounded(text.slice(HASH_PREFIX.length), MAX_DECODED_LENGTH);
  if (!unpacked.ok) {
    return fallback(
      unpacked.why === 'too-long'
        ? `it unpacks to more than ${MAX_DECODED_LENGTH} characters, over the limit`
        : 'it is damaged or cut short (it does not unpack)',
    );
  }
  const parsed = parseJsonSafely(unpacked.text);
  if (!parsed.ok) return fallback(`it is damaged: ${parsed.reason}`);
  if (!isRecord(parsed.value)) return fallback('it does not hold an experiment');
  const ignored = parsed.droppedKeys.map(
    (k) => `link: the key ${showValue(k)} is never read from a link, so it was ignored`,
  );
  const doc = upgrade(parsed.value, migrations, ignored);
  const experiment = readSections(doc, ignored);
  if (own(doc, 'teach') === undefined) return { experiment, ignored };
  const teach = salvageFields('teach', own(doc, 'teach'), TEACH_RULES);
  ignored.push(...teach.ignored);
  return { experiment, ignored, teach: teach.value };
}

/** Brings the document to CURRENT_VERSION; an unknown version is read as the current one. */
function upgrade(
  doc: Doc,
  migrations: Readonly<Record<number, Migration>>,
  ignored: string[],
): Doc {
  const v = own(doc, 'v');
  if (v === CURRENT_VERSION) return doc;
  if (typeof v === 'number' && Number.isInteger(v) && v > CURRENT_VERSION) {
    ignored.push(
      `link: it was made by a newer Layerlab (format version ${v}); only the settings this version knows were read`,
    );
    return doc;
  }
  const from = typeof v === 'number' ? v : NaN;
  const migrated = migrate(from, doc, migrations);
  if (migrated.ok) return migrated.value;
  const shown = v === undefined ? 'it has no format version' : migrated.reason;
  ignored.push(`link.v: ${shown}; it was read as version ${CURRENT_VERSION}`);
  return doc;
}

function readSections(doc: Doc, ignored: string[]): Experiment {
  const model = salvageModel(own(doc, 'model'));
  const data = salvageData(own(doc, 'data'));
  const training = salvageFields('training', own(doc, 'training'), TRAINING_RULES);
  const view = salvageFields('view', own(doc, 'view'), VIEW_RULES);
  ignored.push(...model.ignored, ...data.ignored, ...training.ignored, ...view.ignored);
  for (const key of Object.keys(doc)) {
    if (!SECTIONS.has(key)) {
      ignored.push(`link.${safeKey(key)}: not part of a Layerlab experiment, so it was ignored`);
    }
  }
  const sweep = readSweepSection(own(doc, 'sweep'), ignored);
  const exp = { model: model.value, data: data.value, training: training.value, view: view.value };
  return sweep ? { ...exp, sweep } : exp;
}
