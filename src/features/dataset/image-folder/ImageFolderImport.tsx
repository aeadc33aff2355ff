import { useEffect, useRef, useState } from 'react';
import { DropZone } from '../../../components/DropZone';
import {
  defaultImageFolderOptions,
  describeLimits,
  type ImageFolderData,
  type ImageFolderOptions,
  type ImageSource,
  type ImportProgress,
} from '../../../data/image-folder/index';
import type { Result } from '../../../data/result';
import { createImageImporter } from './importer';
import { ImageFolderOptionsForm } from './ImageFolderOptionsForm';
import { ImageFolderSummary } from './ImageFolderSummary';
import { ImportProgressBar } from './ImportProgressBar';
import { sourceFromDrop, sourceFromPickedFolder, sourceFromZip } from './sources';
import './image-folder.css';

interface Props {
  /** The image data in use, summarised under the form; null when the data is something else. */
  current: ImageFolderData | null;
  initialOptions?: ImageFolderOptions | undefined;
  /** An import began: the place to clear an old error message. */
  onStarted?(): void;
  /** The images, and the options that made them (with the seed that was used). */
  onImported(data: ImageFolderData, options: ImageFolderOptions): void;
  /** Why nothing was imported; the data in use stays as it is. */
  onFailed(reason: string): void;
  /** Set when a link named a folder: ask for it again. */
  prompt?: string | undefined;
}

/**
 * "Image folder…": one sub-folder per class, picked, dropped, or zipped, read like Keras'
 * image_dataset_from_directory. It never changes the app's data itself: it reports through
 * its callbacks, so a failed import leaves what was loaded in place.
 */
export function ImageFolderImport({
  current,
  initialOptions,
  onStarted,
  onImported,
  onFailed,
  prompt,
}: Props) {
  const [options, setOptions] = useState(initialOptions ?? defaultImageFolderOptions);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const zipInput = useRef<HTMLInputElement>(null);
  const importer = useRef<ReturnType<typeof createImageImporter> | null>(null);
  useEffect(() => () => importer.current?.cancel(), []);

  const start = async (source: Result<ImageSource> | Promise<Result<ImageSource>>) => {
    onStarted?.();
    setProgress({ phase: 'reading', done: 0, total: 0 });
    const got = await source;
    if (!got.ok) {
      setProgress(null);
      return onFailed(got.reason);
    }
    importer.current ??= createImageImporter();
    const outcome = await importer.current.run(got.value, options, setProgress);
    setProgress(null);
    if (!outcome) return;
    if (outcome.ok) onImported(outcome.value, { ...options, seed: outcome.value.seed });
    else onFailed(outcome.reason);
  };

  const onDrop = (data: DataTransfer) => {
    if (!progress) void start(sourceFromDrop(data));
  };
  const busy = progress !== null;

  return (
    <div className="image-folder">
      <DropZone
        label="Drop an image folder or a .zip"
        className="image-folder-drop"
        prompt={prompt}
        onDrop={onDrop}
      >
        <p>
          Drop a folder with one sub-folder per class (or a .zip of it) here, or{' '}
          <button type="button" disabled={busy} onClick={() => folderInput.current?.click()}>
            Image folder…
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => zipInput.current?.click()}>
            Zip file…
          </button>
        </p>
        <input
          ref={folderInput}
          type="file"
          aria-label="Image folder"
          // Opened by the buttons above, which are what keyboards and screen readers reach.
          hidden
          // React passes unknown lower-case attributes through: the directory picker.
          {...{ webkitdirectory: '', directory: '' }}
          onChange={(e) => {
            const files = e.target.files;
            if (files) void start(sourceFromPickedFolder([...files]));
            e.target.value = '';
          }}
        />
        <input
          ref={zipInput}
          type="file"
          aria-label="Zip file of an image folder"
          hidden
          accept=".zip,application/zip"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void start(sourceFromZip(file));
            e.target.value = '';
          }}
        />
        <p className="data-help">
          {describeLimits(options)} PNG, JPEG, GIF or BMP. The images stay on this device; a shared
          link carries these settings, not the images.
        </p>
      </DropZone>
      <ImageFolderOptionsForm options={options} onChange={setOptions} disabled={busy} />
      {progress && (
        <div className="image-folder-busy">
          <ImportProgressBar progress={progress} />
          <button type="button" onClick={() => importer.current?.cancel()}>
            Cancel the image import
          </button>
        </div>
      )}
      {current && <ImageFolderSummary data={current} />}
    </div>
  );
}
