import * as tf from '@tensorflow/tfjs';
import { disposeModel } from './build-model';
import type { WeightsReply, WeightsRequest, WorkerEvent } from '../core/training/protocol';

/**
 * Trained weights, kept out of the training loop: the engine hands over the model a run has
 * just trained (keep), and the page later asks to save it to IndexedDB for the open experiment,
 * to read it back as tfjs files for download, or to delete it. browserDownloads needs a
 * document, which a worker lacks, so the files travel back to the page as text and bytes.
 */
export interface WeightsStore {
  save(model: tf.LayersModel, key: string): Promise<void>;
  /** The saved artifacts, or null when nothing is saved under `key`. */
  load(key: string): Promise<tf.io.ModelArtifacts | null>;
  remove(key: string): Promise<void>;
}

const url = (key: string) => `indexeddb://${key}`;

export const indexedDbStore: WeightsStore = {
  save: async (model, key) => void (await model.save(url(key))),
  load: async (key) => {
    const handler = tf.io.getLoadHandlers(url(key))[0];
    if (!handler?.load) return null;
    try {
      return await handler.load();
    } catch {
      // tfjs throws "Cannot find model with path …" when nothing is saved there.
      return null;
    }
  },
  remove: async (key) => {
    // Removing what is not there is not an error worth reporting.
    await tf.io.removeModel(url(key)).catch(() => undefined);
  },
};

export const WEIGHTS_FILE = 'weights.bin';

/** model.json as tfjs's own save to files writes it, pointing at weights.bin beside it. */
export function tfjsFiles(a: tf.io.ModelArtifacts): { modelJson: string; weights: ArrayBuffer } {
  const json: Record<string, unknown> = {
    modelTopology: a.modelTopology,
    format: a.format ?? 'layers-model',
    generatedBy: a.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: a.convertedBy ?? null,
    weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: a.weightSpecs ?? [] }],
  };
  if (a.trainingConfig) json['trainingConfig'] = a.trainingConfig;
  const weights = tf.io.CompositeArrayBuffer.join(a.weightData ?? new ArrayBuffer(0));
  return { modelJson: JSON.stringify(json), weights };
}

export interface WeightsIO {
  /** Takes ownership of a run's trained model; the previous one is released. */
  keep(runId: number, model: tf.LayersModel): boolean;
  /** The kept model of that run, if it is still the one kept. */
  modelOf(runId: number): tf.LayersModel | null;
  handle(req: WeightsRequest): void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createWeightsIO(
  post: (e: WorkerEvent) => void,
  store: WeightsStore = indexedDbStore,
): WeightsIO {
  let held: { runId: number; model: tf.LayersModel } | null = null;
  // A save reads the weights asynchronously: the model it reads must outlive it.
  let busy: Promise<unknown> = Promise.resolve();
  let saving = 0;
  const release = (model: tf.LayersModel) => {
    if (saving === 0) disposeModel(model);
    else void busy.finally(() => disposeModel(model));
  };
  const reply = (requestId: number, r: Omit<WeightsReply, 'type' | 'requestId'>) =>
    post({ type: 'weights', requestId, ...r });

  const run = async (req: WeightsRequest): Promise<Omit<WeightsReply, 'type' | 'requestId'>> => {
    switch (req.type) {
      case 'saveWeights': {
        const h = held;
        if (h?.runId !== req.runId) {
          return { message: `The model of run ${req.runId} is no longer in memory.`, files: null };
        }
        saving++;
        const save = store.save(h.model, req.key);
        busy = save.catch(() => undefined);
        try {
          await save;
        } finally {
          saving--;
        }
        return { message: null, files: null };
      }
      case 'exportWeights': {
        const artifacts = await store.load(req.key);
        if (!artifacts) {
          return {
            message: 'No trained model is saved for this experiment: train it first.',
            files: null,
          };
        }
        return { message: null, files: tfjsFiles(artifacts) };
      }
      case 'deleteWeights':
        await store.remove(req.key);
        return { message: null, files: null };
    }
  };

  return {
    keep(runId, model) {
      const old = held;
      held = { runId, model };
      if (old) release(old.model);
      return true;
    },
    modelOf: (runId) => (held?.runId === runId ? held.model : null),
    handle(req) {
      run(req).then(
        (r) => reply(req.requestId, r),
        (err: unknown) => reply(req.requestId, { message: message(err), files: null }),
      );
    },
  };
}
