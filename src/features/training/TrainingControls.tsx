import { useAppStore } from '../../store/store';
import { selectRunStatus } from '../../store/selectors';
import { isActive } from '../../core/training/run-state';

/** Train, Pause/Resume, Step, Stop, Reset: each enabled only where it means something. */
export function TrainingControls() {
  const status = useAppStore(selectRunStatus);
  const { train, pause, resume, step, stop, reset } = useAppStore.getState();
  const active = isActive(status);
  const canStep = status === 'paused' || !active;
  return (
    <div role="toolbar" aria-label="Training controls" className="training-controls">
      <button type="button" className="primary" onClick={train} disabled={active}>
        Train
      </button>
      <button type="button" onClick={pause} disabled={status !== 'running'}>
        Pause
      </button>
      <button type="button" onClick={resume} disabled={status !== 'paused'}>
        Resume
      </button>
      <button type="button" onClick={() => step('batch')} disabled={!canStep}>
        Step one batch
      </button>
      <button type="button" onClick={() => step('epoch')} disabled={!canStep}>
        Step one epoch
      </button>
      <button type="button" onClick={stop} disabled={!active || status === 'stopping'}>
        Stop
      </button>
      <button type="button" onClick={reset} disabled={status === 'idle'}>
        Reset
      </button>
    </div>
  );
}
