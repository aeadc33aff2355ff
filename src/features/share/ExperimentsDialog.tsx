import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { announce } from '../../components/announcer';
import type { Result } from '../../core/result';
import { selectActiveExperimentId, selectLibrary } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { ExperimentRow } from './ExperimentRow';
import { getLibrary } from './share-session';

/**
 * The experiments saved in this browser, in a modal dialog (native <dialog>: focus is held
 * inside, Escape closes it). Every change is saved as it happens; this is where to switch.
 */
export function ExperimentsDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [message, setMessage] = useState('');
  const entries = useAppStore(selectLibrary);
  const activeId = useAppStore(selectActiveExperimentId);

  useEffect(() => {
    const d = dialog.current;
    const onClose = () => setMessage('');
    d?.addEventListener('close', onClose);
    return () => d?.removeEventListener('close', onClose);
  }, []);

  const report = (r: Result<string>, done: string) => {
    const text = r.ok ? done.replace('%s', r.value) : r.reason;
    setMessage(text);
    announce(text);
    return r.ok;
  };
  const fresh = () => {
    if (report(getLibrary().newExperiment(), 'Started a new experiment.')) dialog.current?.close();
  };

  return (
    <>
      <button type="button" className="with-text" onClick={() => dialog.current?.showModal()}>
        <Icon name="folder" />
        <span>Experiments</span>
      </button>
      <dialog ref={dialog} className="experiments-dialog" aria-labelledby={titleId}>
        <div className="experiments-head">
          <h2 id={titleId}>Saved experiments</h2>
          <IconButton icon="close" label="Close" onClick={() => dialog.current?.close()} />
        </div>
        <p className="hint">
          Saved in this browser as you work, with their runs and trained weights. A link opens as an
          experiment of its own.
        </p>
        <button type="button" className="with-text" onClick={fresh}>
          <Icon name="plus" />
          <span>New experiment</span>
        </button>
        <ul className="experiment-list" aria-label="Saved experiments">
          {entries.map((e) => (
            <ExperimentRow
              key={e.id}
              entry={e}
              active={e.id === activeId}
              onDone={(r, done) => {
                const ok = report(r, done);
                if (ok && done.startsWith('Opened')) dialog.current?.close();
              }}
            />
          ))}
        </ul>
        <p role="status" className="experiments-status">
          {message}
        </p>
      </dialog>
    </>
  );
}
