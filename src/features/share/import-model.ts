import { fromModelJson } from '../../core/export/keras-json';
import type { ModelSpec } from '../../core/model-spec';

/** Bigger than any Sequential config Layerlab could build; keeps a wrong file from freezing the page. */
export const MAX_MODEL_JSON_BYTES = 5 * 1024 * 1024;

/** The parts of a File this needs (a File in the page, a stand-in in tests). */
export interface FileLike {
  name: string;
  size: number;
  text(): Promise<string>;
}

export type ModelImport =
  | { ok: true; spec: ModelSpec; fileName: string; unknownLayers: string[]; notes: string[] }
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
  const imported = fromModelJson(text);
  if (!imported.ok) return { ok: false, reason: `'${json.name}': ${imported.reason}` };
  const { spec, unknownLayers, unsupported } = imported.value;
  const notes = [...unsupported];
  if (jsons.length > 1)
    notes.push(`files: only '${json.name}' was read; choose one model at a time`);
  const bins = files.filter(isWeights);
  if (bins.length > 0 && !unsupported.some((n) => n.startsWith('weights:'))) {
    notes.push('weights: Layerlab imports the architecture only and trains from new weights');
  }
  const others = files.filter((f) => !isJson(f) && !isWeights(f));
  for (const f of others)
    notes.push(`files: '${f.name}' is not a .json or .bin file, so it was not read`);
  return { ok: true, spec, fileName: json.name, unknownLayers, notes };
}
