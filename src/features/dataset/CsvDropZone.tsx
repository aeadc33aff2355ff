import { useId } from 'react';
import { DropZone } from '../../components/DropZone';
import { MAX_CSV_BYTES } from '../../data/index';
import { useAppStore } from '../../store/store';

const LIMIT_MB = MAX_CSV_BYTES / 1024 / 1024;

/**
 * A file input with a visible label, inside a zone that also takes a dropped file. The file is
 * read on this device only; its size is checked before it is read.
 */
export function CsvDropZone({ prompt }: { prompt?: string | undefined }) {
  const id = useId();
  const open = (file: File | undefined) => {
    if (file) void useAppStore.getState().openCsvFile(file);
  };
  return (
    <DropZone label="Open a CSV file" prompt={prompt} onDrop={(data) => open(data.files[0])}>
      <p>
        Drop a CSV file here, or{' '}
        <label htmlFor={id} className="csv-choose">
          Choose a CSV file
        </label>
        <input
          id={id}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          className="csv-input"
          onChange={(e) => {
            open(e.target.files?.[0]);
            // The same file chosen again (after editing it) must load again.
            e.target.value = '';
          }}
        />
      </p>
      <p className="data-help">
        Up to {LIMIT_MB} MB. The file stays on this device; a shared link carries its settings, not
        its contents.
      </p>
    </DropZone>
  );
}
