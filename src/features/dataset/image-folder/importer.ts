import {
  createCanvasDecoder,
  importImages,
  parseImageImportEvent,
  type ImageFolderData,
  type ImageFolderOptions,
  type ImageImportRequest,
  type ImageSource,
  type ImportProgress,
} from '../../../data/image-folder/index';
import type { Result } from '../../../data/result';

/** null: the import was cancelled, and nothing is to be reported. */
export type ImportOutcome = Result<ImageFolderData> | null;

export interface ImageImporter {
  run(
    source: ImageSource,
    options: ImageFolderOptions,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportOutcome>;
  /** Stops the import under way (its worker is ended); its promise resolves to null. */
  cancel(): void;
}

/** On the page, where a module worker cannot start: the same code, the page just works harder. */
function onPage(
  source: ImageSource,
  options: ImageFolderOptions,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  return importImages(source, options, {
    decoder: (o) => createCanvasDecoder(o.image_size, o.color_mode),
    onProgress,
  });
}

/**
 * The page's side of the image worker: one worker per import, ended when it answers or is
 * cancelled, so a cancelled decode stops at once and holds no memory. Its answers are checked
 * (zod) before they are believed.
 */
export function createImageImporter(): ImageImporter {
  let current: { worker: Worker; finish(outcome: ImportOutcome): void } | null = null;
  let nextId = 1;

  const run: ImageImporter['run'] = (source, options, onProgress) => {
    current?.finish(null);
    let worker: Worker;
    try {
      worker = new Worker(new URL('../../../data/image-folder/import.worker.ts', import.meta.url), {
        type: 'module',
      });
    } catch {
      return onPage(source, options, onProgress);
    }
    const id = nextId++;
    return new Promise<ImportOutcome>((resolve) => {
      const job = {
        worker,
        finish: (outcome: ImportOutcome) => {
          worker.terminate();
          if (current === job) current = null;
          resolve(outcome);
        },
      };
      current = job;
      worker.addEventListener('message', (e: MessageEvent<unknown>) => {
        const event = parseImageImportEvent(e.data);
        if (!event) {
          return job.finish({
            ok: false,
            reason: 'The image worker sent an answer that could not be read; try again.',
          });
        }
        if (event.id !== id) return;
        if (event.type === 'progress') onProgress(event);
        else job.finish(event.result);
      });
      worker.addEventListener('error', (e: ErrorEvent) => {
        e.preventDefault();
        // The worker could not load (an old browser, a strict policy): decode on the page.
        worker.terminate();
        if (current !== job) return;
        current = null;
        void onPage(source, options, onProgress).then(resolve);
      });
      const request: ImageImportRequest = { type: 'import', id, source, options };
      worker.postMessage(request);
    });
  };

  return { run, cancel: () => current?.finish(null) };
}
