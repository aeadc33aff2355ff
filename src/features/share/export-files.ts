import { toKerasModelJson } from '../../core/export/keras-json';
import { toKerasPython } from '../../core/export/keras-python';
import { namedWeights, type NamedWeights } from '../../core/export/named-weights';
import { toOnnx } from '../../core/export/onnx-export';
import { toPytorchScript } from '../../core/export/pytorch-script';
import { assembleWeights, readWeightsManifest } from '../../core/export/weights-manifest';
import type { Result } from '../../core/result';
import { inferShapes } from '../../core/shapes';
import { selectActiveEntry, selectEffectiveLoss } from '../../store/selectors';
import { experimentOf } from '../../store/experiment-state';
import { weightsKey } from '../../store/persistence';
import type { AppState } from '../../store/store';
import { downloadBlob } from '../../components/download';
import { fileStem } from './file-names';

/** The downloads of the Export menu. Each returns why it could not, or null. */

export function downloadPython(s: AppState): void {
  const script = toKerasPython(experimentOf(s), { loss: selectEffectiveLoss(s) });
  const stem = fileStem(selectActiveEntry(s)?.name);
  downloadBlob(new Blob([script], { type: 'text/x-python' }), `${stem}.py`);
}

export function downloadKerasJson(s: AppState): void {
  const stem = fileStem(selectActiveEntry(s)?.name);
  const json = JSON.stringify(toKerasModelJson(s.spec, stem), null, 2);
  downloadBlob(new Blob([json], { type: 'application/json' }), `${stem}.json`);
}

type TrainedFiles = { modelJson: string; weights: ArrayBuffer };

/** The trained weights saved for the open experiment, as tfjs writes them. */
async function trainedFiles(s: AppState): Promise<Result<TrainedFiles>> {
  const id = s.activeExperimentId;
  if (id === null) return { ok: false, reason: 'No experiment is open.' };
  const reply = await s.weightsRequest({ type: 'exportWeights', key: weightsKey(id) });
  if (reply.message !== null || !reply.files)
    return { ok: false, reason: reply.message ?? 'The trainer sent no files.' };
  return { ok: true, value: reply.files };
}

function saveTfjsFiles(files: TrainedFiles) {
  downloadBlob(new Blob([files.modelJson], { type: 'application/json' }), 'model.json');
  downloadBlob(new Blob([files.weights], { type: 'application/octet-stream' }), 'weights.bin');
}

/** The trained weights saved for the open experiment, as tfjs writes them: model.json + weights.bin. */
export async function downloadTrainedModel(s: AppState): Promise<string | null> {
  const files = await trainedFiles(s);
  if (!files.ok) return files.reason;
  saveTfjsFiles(files.value);
  return null;
}

/** The saved files read back as weights by name, checked against the model's parameter count. */
function readTrained(s: AppState, files: TrainedFiles): Result<NamedWeights> {
  let doc: unknown;
  try {
    doc = JSON.parse(files.modelJson);
  } catch {
    return { ok: false, reason: 'The saved model.json is not JSON: train the model again.' };
  }
  const manifest = readWeightsManifest(doc);
  if (!manifest.ok) return manifest;
  if (!manifest.value) return { ok: false, reason: 'The saved model has no weights.' };
  const params = inferShapes(s.spec).layers.reduce(
    (n, l) => n + l.params.trainable + l.params.nonTrainable,
    0,
  );
  const w = assembleWeights(
    manifest.value,
    [{ name: 'weights.bin', bytes: files.weights }],
    params,
  );
  return w.ok ? { ok: true, value: namedWeights(w.value) } : w;
}

/** The model with its trained weights as one .onnx file. */
export async function downloadOnnx(s: AppState): Promise<string | null> {
  const files = await trainedFiles(s);
  if (!files.ok) return files.reason;
  const weights = readTrained(s, files.value);
  if (!weights.ok) return weights.reason;
  const stem = fileStem(selectActiveEntry(s)?.name);
  const bytes = toOnnx(s.spec, weights.value, stem);
  if (!bytes.ok) return bytes.reason;
  downloadBlob(
    new Blob([new Uint8Array(bytes.value)], { type: 'application/octet-stream' }),
    `${stem}.onnx`,
  );
  return null;
}

/**
 * The PyTorch script; with trained weights, also the tfjs files it loads them from (the script
 * reads model.json beside itself), so what was trained is what PyTorch starts from.
 */
export async function downloadPytorch(s: AppState, trained: boolean): Promise<string | null> {
  const files = trained ? await trainedFiles(s) : null;
  if (files && !files.ok) return files.reason;
  const script = toPytorchScript(experimentOf(s), {
    loss: selectEffectiveLoss(s),
    weightsPath: files ? 'model.json' : null,
  });
  if (!script.ok) return script.reason;
  const stem = fileStem(selectActiveEntry(s)?.name);
  downloadBlob(new Blob([script.value], { type: 'text/x-python' }), `${stem}_pytorch.py`);
  if (files) saveTfjsFiles(files.value);
  return null;
}
