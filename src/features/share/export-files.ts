import { toKerasModelJson } from '../../core/export/keras-json';
import { toKerasPython } from '../../core/export/keras-python';
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

/** The trained weights saved for the open experiment, as tfjs writes them: model.json + weights.bin. */
export async function downloadTrainedModel(s: AppState): Promise<string | null> {
  const id = s.activeExperimentId;
  if (id === null) return 'No experiment is open.';
  const reply = await s.weightsRequest({ type: 'exportWeights', key: weightsKey(id) });
  if (reply.message !== null || !reply.files) return reply.message ?? 'The trainer sent no files.';
  downloadBlob(new Blob([reply.files.modelJson], { type: 'application/json' }), 'model.json');
  downloadBlob(
    new Blob([reply.files.weights], { type: 'application/octet-stream' }),
    'weights.bin',
  );
  return null;
}
