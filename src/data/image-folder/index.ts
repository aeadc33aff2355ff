// The image-folder reader (Keras' image_dataset_from_directory): what the page and the worker use.
export { classCounts, sampleCount, type ImageFolderData, type ImageSamples } from './dataset';
export { createCanvasDecoder } from './decode';
export { importImages, type ImageSource, type ImportProgress } from './import-images';
export {
  describeLimits,
  maxImagesFor,
  IMAGE_EXTENSIONS,
  MAX_IMAGES,
  MAX_TOTAL_BYTES,
} from './limits';
export {
  CHANNELS,
  COLOR_MODES,
  defaultImageFolderOptions,
  imageFolderOptionsSchema,
  MAX_SIDE,
  MIN_SIDE,
  seedSchema,
  sideSchema,
  SUBSETS,
  validationSplitSchema,
  type ColorMode,
  type ImageFolderOptions,
  type Subset,
} from './options';
export { parseImageImportEvent, type ImageImportEvent, type ImageImportRequest } from './protocol';
export { toImageSet } from './to-image-set';
