import type { ImageSet } from '../images';
import type { ImageFolderData } from './dataset';

/**
 * The import as the app's one image representation (src/data/images.ts): training samples, then
 * validation samples, in one set. `trainCount` is where Keras' split falls, so a pipeline that
 * holds out the samples from there on keeps exactly the files Keras would validate on.
 */
export function toImageSet(data: ImageFolderData): { set: ImageSet; trainCount: number } {
  const parts = [data.training, data.validation].filter((s) => s !== null);
  const count = parts.reduce((n, s) => n + s.labels.length, 0);
  const [h, w] = data.imageSize;
  const per = h * w * data.channels;
  const pixels = new Float32Array(count * per);
  const labels = new Int32Array(count);
  let at = 0;
  for (const s of parts) {
    pixels.set(s.pixels, at * per);
    labels.set(s.labels, at);
    at += s.labels.length;
  }
  return {
    set: { pixels, shape: [h, w, data.channels], labels, classNames: [...data.classNames] },
    trainCount: data.training?.labels.length ?? 0,
  };
}
