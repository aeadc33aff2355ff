import { datasetConfigSchema, type ImageFolderConfig } from '../data/index';
import type { ImageFolderData, ImageFolderOptions } from '../data/image-folder/index';
import { imageSetToBytes } from '../data/image-folder/set-bytes';
import { toImageSet } from '../data/image-folder/to-image-set';
import { checkImageSet } from '../data/images';
import type { Loader } from './dataset-loader';
import type { AppState } from './store';

export interface ImageFolderActions {
  /** What the folder in use held (counts, notes, skipped files), without its pixels. */
  imageFolder: ImageFolderData | null;
  imageImportStarted(): void;
  /** The import failed: say why; the data in use stays. */
  imageImportFailed(reason: string): void;
  /** The imported images become the data once they are prepared; until then nothing changes. */
  importImages(data: ImageFolderData, options: ImageFolderOptions): Promise<void>;
}

type Set = (partial: Partial<AppState>) => void;
type Get = () => AppState;

/**
 * Keras' split, kept: the import puts its training files first, so holding out the last
 * (n − trainCount) samples in file order validates on exactly the files Keras would.
 */
export function importedConfig(
  name: string,
  options: ImageFolderOptions,
  count: number,
  trainCount: number,
  previous: ImageFolderConfig | null,
): ImageFolderConfig {
  const parsed = datasetConfigSchema.parse({
    ...previous,
    source: 'image-folder',
    name: name.slice(0, 255),
    options,
    prepare: {
      ...previous?.prepare,
      validationSplit: (count - trainCount) / count,
      splitMode: 'chronological',
    },
  });
  if (parsed.source !== 'image-folder') throw new Error('unreachable: an image-folder config');
  return parsed;
}

const withoutPixels = (data: ImageFolderData): ImageFolderData => {
  const strip = (s: ImageFolderData['training']) => s && { ...s, pixels: new Float32Array(0) };
  return { ...data, training: strip(data.training), validation: strip(data.validation) };
};

export function createImageFolderActions(set: Set, get: Get, loader: Loader): ImageFolderActions {
  return {
    imageFolder: null,
    imageImportStarted: () => set({ dataError: null, dataRetry: null }),
    imageImportFailed: (reason) => set({ dataError: reason, dataRetry: null }),
    importImages: async (data, options) => {
      const { set: images, trainCount } = toImageSet(data);
      if (trainCount === 0) {
        return set({
          dataError: `'${data.name}': subset 'validation' alone leaves nothing to train on; choose subset 'both' or 'training'.`,
        });
      }
      const checked = checkImageSet(images, `'${data.name}'`);
      if (!checked.ok) return set({ dataError: checked.reason });
      const cur = get().datasetConfig;
      // Reopening the folder a link named keeps the link's preparation settings.
      const previous = cur.source === 'image-folder' && get().csvText === null ? cur : null;
      const n = images.labels.length;
      const config = importedConfig(data.name, options, n, trainCount, previous);
      set({ dataBusy: `Preparing '${config.name}'…` });
      await loader.run(config, imageSetToBytes(images), loader.newTextVersion(), 'switch');
      if (get().datasetConfig === config) set({ imageFolder: withoutPixels(data) });
    },
  };
}
