import { useState } from 'react';
import { Panel } from '../../components/Panel';
import { BUILTIN_INFO, SHIPPED, type DatasetConfig } from '../../data/index';
import { useAppStore } from '../../store/store';
import { selectDatasetConfig } from '../../store/selectors';
import { BuiltinSettings } from './BuiltinSettings';
import { BusyStatus } from './BusyStatus';
import { CsvImport } from './CsvImport';
import { DataErrorAlert } from './DataErrorAlert';
import { DataPreview } from './DataPreview';
import { DataSummary } from './DataSummary';
import type { FileChoice } from './choices';
import { ImageFolderPanel } from './image-folder/ImageFolderPanel';
import { ModelFitCheck } from './ModelFitCheck';
import { PrepareSettings } from './PrepareSettings';
import { ShippedInfo } from './ShippedInfo';
import { SourcePicker } from './SourcePicker';
import { useDataWorker } from './useDataWorker';
import { WindowingWizard } from './WindowingWizard';
import './dataset.css';
import './csv-import.css';
import './model-fit.css';

function titleOf(config: DatasetConfig): string {
  switch (config.source) {
    case 'builtin':
      return `'${BUILTIN_INFO[config.id].title}'`;
    case 'shipped':
      return `'${SHIPPED[config.id].title}'`;
    case 'csv':
      return `'${config.fileName}'`;
    case 'image-folder':
      return `'${config.name}'`;
  }
}

/** Where the data comes from, how it becomes samples, and whether the model fits it. */
export function DatasetPanel() {
  useDataWorker();
  const config = useAppStore(selectDatasetConfig);
  const [fileChosen, setFileChosen] = useState<FileChoice | null>(null);
  const shown = fileChosen ?? config.source;
  return (
    <Panel title="Data" className="data-panel" actions={<BusyStatus />}>
      <SourcePicker
        fileChosen={shown === 'csv' || shown === 'image-folder' ? shown : null}
        onFileChosen={setFileChosen}
      />
      <DataErrorAlert inUse={titleOf(config)} />
      {shown === 'csv' ? (
        <CsvImport config={config.source === 'csv' ? config : null} />
      ) : shown === 'image-folder' ? (
        <ImageFolderPanel
          config={config.source === 'image-folder' ? config : null}
          onImported={() => setFileChosen(null)}
        />
      ) : config.source === 'builtin' ? (
        <BuiltinSettings config={config} />
      ) : config.source === 'shipped' ? (
        <ShippedInfo config={config} />
      ) : null}
      <DataPreview />
      <WindowingWizard />
      <PrepareSettings />
      <DataSummary />
      <ModelFitCheck />
    </Panel>
  );
}
