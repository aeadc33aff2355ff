import { useId, useState } from 'react';
import type { Result } from '../../core/result';
import type { LibraryEntry } from '../../store/share-slice';
import { getLibrary } from './share-session';

interface Props {
  entry: LibraryEntry;
  active: boolean;
  /** The outcome, and the sentence to say on success ('%s' is the value). */
  onDone(result: Result<string>, done: string): void;
}

const when = (t: number) =>
  new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One saved experiment: open it, rename it in place, copy it, or delete it (asked twice). */
export function ExperimentRow({ entry, active, onDone }: Props) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(entry.name);
  const fieldId = useId();
  const lib = getLibrary();
  const q = `'${entry.name}'`;

  return (
    <li className="experiment-row" aria-current={active || undefined}>
      <div className="experiment-info">
        <strong>{entry.name}</strong>
        <span className="hint">
          {active ? 'Open now · ' : ''}saved {when(entry.updatedAt)}
          {entry.hasWeights ? ' · trained weights' : ''}
        </span>
      </div>
      {mode === 'rename' && (
        <form
          className="experiment-rename"
          onSubmit={(e) => {
            e.preventDefault();
            const r = lib.rename(entry.id, name);
            onDone(r, 'Renamed to %s.');
            if (r.ok) setMode('view');
          }}
        >
          <label htmlFor={fieldId}>New name for {q}</label>
          <input
            id={fieldId}
            value={name}
            maxLength={80}
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit">Save name</button>
          <button type="button" onClick={() => setMode('view')}>
            Cancel
          </button>
        </form>
      )}
      {mode === 'delete' && (
        <div className="experiment-confirm" role="group" aria-label={`Delete ${q}?`}>
          <span>Delete {q}, its runs and trained weights?</span>
          <button
            type="button"
            className="danger"
            autoFocus
            onClick={() => onDone(lib.remove(entry.id), 'Deleted %s.')}
          >
            Delete for good
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Keep it
          </button>
        </div>
      )}
      {mode === 'view' && (
        <div className="experiment-actions">
          <button
            type="button"
            disabled={active}
            aria-label={`Open ${q}`}
            onClick={() => onDone(lib.open(entry.id), `Opened ${q}.`)}
          >
            Open
          </button>
          <button
            type="button"
            aria-label={`Rename ${q}`}
            onClick={() => {
              setName(entry.name);
              setMode('rename');
            }}
          >
            Rename
          </button>
          <button
            type="button"
            aria-label={`Duplicate ${q}`}
            onClick={() => onDone(lib.duplicate(entry.id), 'Made and opened a copy.')}
          >
            Duplicate
          </button>
          <button type="button" aria-label={`Delete ${q}`} onClick={() => setMode('delete')}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
