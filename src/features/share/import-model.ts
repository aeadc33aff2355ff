import { fromModelJson } from '../../core/export/keras-json';
import {
  assembleWeights,
  MAX_WEIGHT_BYTES,
  readWeightsManifest,
  type ImportedWeights,
} from '../../core/export/weights-manifest';
import type { ModelSpec } from '../../core/model-spec';
import { parseJsonSafely } from '../../core/share/safe-json';
import { summarize } from '../../core/summary';

/** Bigger than any Sequential config Layerlab could build; keeps a wrong file from freezing the page. */
export const MAX_MODEL_JSON_BYTES = 5 * 1024 * 1024;

/** The parts of a File this needs (a File in the page, a stand-in in tests). */
export interface FileLike {
  name: string;
  size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type ModelImport =
  | {
      ok: true;
      spec: ModelSpec;
      fileName: string;
      /** Trained weights from the chosen .bin files, when they fit the model. */
      weights: ImportedWeights | null;
      unknownLayers: string[];
      notes: string[];
    }
  | { ok: false; reason: string };

const isJson = (f: FileLike) => /\.json$/i.test(f.name);
const isWeights = (f: FileLike) => /\.bin$/i.test(f.name);

/**
 * Reads the chosen files as a model: one model.json (tfjs or Keras), optionally with its
 * weights. Nothing here touches the store, so a failure cannot lose the model on screen.
 */
export async function readModelFiles(files: readonly FileLike[]): Promise<ModelImport> {
  const jsons = files.filter(isJson);
  const json = jsons[0];
  if (!json) {
    return {
      ok: false,
      reason: 'Choose a model.json file (tfjs or Keras), optionally with its .bin weights.',
    };
  }
  if (json.size > MAX_MODEL_JSON_BYTES) {
    return {
      ok: false,
      reason: `'${json.name}' is ${(json.size / 1024 / 1024).toFixed(1)} MB; a model config is at most ${MAX_MODEL_JSON_BYTES / 1024 / 1024} MB.`,
    };
  }
  let text: string;
  try {
    text = await json.text();
  } catch {
    return { ok: false, reason: `'${json.name}' could not be read.` };
  }
  // Parsed once, for the layers and the weights; a broken file goes on as text so the import
  // can say what is wrong with it.
  const doc = parseJsonSafely(text);
  const imported = fromModelJson(doc.ok ? doc.value : text);
  if (!imported.ok) return { ok: false, reason: `'${json.name}': ${imported.reason}` };
  const { spec, unknownLayers, unsupported } = imported.value;
  const notes = [...unsupported];
  if (jsons.length > 1)
    notes.push(`files: only '${json.name}' was read; choose one model at a time`);
  const bins = files.filter(isWeights);
  const weights = await readWeights(
    doc.ok ? doc.value : null,
    bins,
    spec,
    unknownLayers.length > 0,
    notes,
  );
  const others = files.filter((f) => !isJson(f) && !isWeights(f));
  for (const f of others)
    notes.push(`files: '${f.name}' is not a .json or .bin file, so it was not read`);
  return { ok: true, spec, fileName: json.name, weights, unknownLayers, notes };
}

const NEW_WEIGHTS = 'so training starts from new weights';

/** The weights of the chosen .bin files; what stops them is added to `notes`. */
async function readWeights(
  doc: unknown,
  bins: readonly FileLike[],
  spec: ModelSpec,
  layersLeftOut: boolean,
  notes: string[],
): Promise<ImportedWeights | null> {
  const manifest = readWeightsManifest(doc);
  if (!manifest.ok) {
    notes.push(`weights: ${manifest.reason}, ${NEW_WEIGHTS}`);
    return null;
  }
  if (!manifest.value) {
    if (bins.length > 0)
      notes.push(`weights: the model file lists no weights for the .bin file, ${NEW_WEIGHTS}`);
    return null;
  }
  if (bins.length === 0) {
    notes.push(
      `weights: choose the .bin file together with the model file to import the trained weights; ${NEW_WEIGHTS}`,
    );
    return null;
  }
  if (layersLeftOut) {
    notes.push(`weights: layers were left out, so the weights no longer fit; ${NEW_WEIGHTS}`);
    return null;
  }
  const size = bins.reduce((n, f) => n + f.size, 0);
  if (size > MAX_WEIGHT_BYTES) {
    notes.push(
      `weights: the .bin files hold ${(size / 1024 / 1024).toFixed(0)} MB, more than the ${MAX_WEIGHT_BYTES / 1024 / 1024} MB a tab can train; ${NEW_WEIGHTS}`,
    );
    return null;
  }
  let files: { name: string; bytes: ArrayBuffer }[];
  try {
    files = await Promise.all(
      bins.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })),
    );
  } catch {
    notes.push(`weights: the .bin file could not be read, ${NEW_WEIGHTS}`);
    return null;
  }
  const assembled = assembleWeights(manifest.value, files, summarize(spec).total);
  if (!assembled.ok) {
    notes.push(`weights: ${assembled.reason}; ${NEW_WEIGHTS}`);
    return null;
  }
  return assembled.value;
}
