import type { ImageFolderConfig } from '../../../data/index';
import { useAppStore } from '../../../store/store';
import { selectHasCsvText, selectPrepared } from '../../../store/selectors';
import { ImageFolderImport } from './ImageFolderImport';

interface Props {
  /** null while other data is in use and the user has asked for a folder: that data stays. */
  config: ImageFolderConfig | null;
  /** The images replaced the data. */
  onImported(): void;
}

/** "Image folder…" in the data panel: the import, wired to the store's data. */
export function ImageFolderPanel({ config, onImported }: Props) {
  const hasImages = useAppStore(selectHasCsvText);
  const prepared = useAppStore(selectPrepared);
  const summary = useAppStore((s) => s.imageFolder);
  const { imageImportStarted, imageImportFailed, importImages } = useAppStore.getState();
  // Opened from a link (or a reload): the options are here, the images are not.
  const prompt = config && !hasImages && !prepared.ok ? prepared.reason : undefined;
  return (
    <div className="data-source-settings">
      <ImageFolderImport
        // A link's options become the form's, once per folder name.
        key={config?.name ?? ''}
        current={config && hasImages ? summary : null}
        initialOptions={config?.options}
        onStarted={imageImportStarted}
        onImported={(data, options) =>
          void importImages(data, options).then(() => {
            if (useAppStore.getState().datasetConfig.source === 'image-folder') onImported();
          })
        }
        onFailed={imageImportFailed}
        prompt={prompt}
      />
      {!config && (
        <p className="data-help">The current data stays in use until the images have loaded.</p>
      )}
    </div>
  );
}
