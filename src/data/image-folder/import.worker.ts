/// <reference lib="webworker" />
import { createCanvasDecoder } from './decode';
import { importImages } from './import-images';
import { transferablesOf, type ImageImportEvent, type ImageImportRequest } from './protocol';

/**
 * Thin on purpose: decoding and resizing thousands of images takes seconds, so it runs here and
 * the page keeps drawing the progress bar.
 */
const post = (e: ImageImportEvent) => self.postMessage(e, transferablesOf(e));

self.addEventListener('message', (e: MessageEvent<ImageImportRequest>) => {
  const { id, source, options } = e.data;
  importImages(source, options, {
    decoder: (o) => createCanvasDecoder(o.image_size, o.color_mode),
    onProgress: (p) => post({ type: 'progress', id, ...p }),
  }).then(
    (result) => post({ type: 'done', id, result }),
    (err: unknown) => {
      // A bug, not a user error: a sentence on the page, never a stack trace.
      const reason = `Importing the images failed unexpectedly (${err instanceof Error ? err.message : String(err)}).`;
      post({ type: 'done', id, result: { ok: false, reason } });
    },
  );
});
