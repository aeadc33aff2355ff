import { useId, useState, type DragEvent } from 'react';
import { MAX_CSV_BYTES } from '../../data/index';
import { useAppStore } from '../../store/store';

const LIMIT_MB = MAX_CSV_BYTES / 1024 / 1024;

/**
 * A file input with a visible label, inside a zone that also takes a dropped file. The file is
 * read on this device only; its size is checked before it is read.
 */
export function CsvDropZone({ prompt }: { prompt?: string | undefined }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const open = (file: File | undefined) => {
    if (file) void useAppStore.getState().openCsvFile(file);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    open(e.dataTransfer.files[0]);
  };
  return (
    <div
      role="group"
      aria-label="Open a CSV file"
      className="csv-drop"
      data-over={over || undefined}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {prompt && <p className="csv-reopen">{prompt}</p>}
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
    </div>
  );
}
