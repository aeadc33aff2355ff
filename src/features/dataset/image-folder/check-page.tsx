import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { classCounts, type ImageFolderData } from '../../../data/image-folder/index';
import { useAppStore } from '../../../store/store';
import { DataErrorAlert } from '../../dataset/DataErrorAlert';
import { ImageFolderImport } from './ImageFolderImport';
import '../../../app/theme.css';
import '../../dataset/dataset.css';
import '../../dataset/csv-import.css';

/**
 * The page e2e/image-folder.spec.ts drives (built by e2e/image-folder/vite.config.ts, never
 * shipped): the import wired as the data panel will wire it, a failure into the store's data
 * error, and what was imported readable by the test on `window.imageFolderCheck`.
 */
declare global {
  interface Window {
    imageFolderCheck?: {
      classNames: string[];
      counts: number[];
      channels: number;
      imageSize: [number, number];
      training: number;
      validation: number;
      seed: number;
      /** Each class's first training sample's first pixel (all channels). */
      firstPixel: Record<string, number[]>;
      /** Lowest and highest value over all pixels. */
      range: [number, number];
    };
  }
}

function inspect(data: ImageFolderData): NonNullable<Window['imageFolderCheck']> {
  const firstPixel: Record<string, number[]> = {};
  let lo = Infinity;
  let hi = -Infinity;
  const per = data.imageSize[0] * data.imageSize[1] * data.channels;
  for (const set of [data.training, data.validation]) {
    if (!set) continue;
    for (const v of set.pixels) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    set.labels.forEach((label, i) => {
      const name = data.classNames[label]!;
      firstPixel[name] ??= [...set.pixels.subarray(i * per, i * per + data.channels)];
    });
  }
  return {
    classNames: data.classNames,
    counts: classCounts(data),
    channels: data.channels,
    imageSize: data.imageSize,
    training: data.training?.labels.length ?? 0,
    validation: data.validation?.labels.length ?? 0,
    seed: data.seed,
    firstPixel,
    range: [lo, hi],
  };
}

function CheckPage() {
  const [data, setData] = useState<ImageFolderData | null>(null);
  return (
    <main className="data-panel" style={{ maxWidth: 720, margin: '16px auto' }}>
      <h1>Image folder import</h1>
      <DataErrorAlert inUse={data ? `'${data.name}'` : "'Circle'"} />
      <ImageFolderImport
        current={data}
        onStarted={() => useAppStore.getState().dismissDataError()}
        onImported={(d) => {
          window.imageFolderCheck = inspect(d);
          setData(d);
        }}
        onFailed={(reason) => useAppStore.setState({ dataError: reason })}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CheckPage />
  </StrictMode>,
);
