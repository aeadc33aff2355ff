import { useEffect } from 'react';
import { Panel } from '../../components/Panel';
import { announce } from '../../components/announcer';
import { useAppStore } from '../../store/store';
import { selectRunMessage, selectRunStatus, selectTrainerNotices } from '../../store/selectors';
import { InitialWeightsNote } from './InitialWeightsNote';
import { LossSparkline } from './LossSparkline';
import { TrainingControls } from './TrainingControls';
import { TrainingProgress } from './TrainingProgress';
import { TrainingSettingsForm } from './TrainingSettingsForm';
import './training.css';

const ENDINGS = new Set(['finished', 'stopped', 'diverged', 'failed']);

/** Controls, settings and a live readout for training; the big charts are elsewhere. */
export function TrainingPanel() {
  const status = useAppStore(selectRunStatus);
  const message = useAppStore(selectRunMessage);
  const notices = useAppStore(selectTrainerNotices);
  useEffect(() => {
    if (ENDINGS.has(status)) announce(`Training ${status}${message ? `: ${message}` : ''}`);
  }, [status, message]);
  const problem = status === 'diverged' || status === 'failed';
  return (
    <Panel title="Training" className="training-panel">
      <TrainingControls />
      <InitialWeightsNote />
      {message && (
        <p role={problem ? 'alert' : undefined} className={problem ? 'training-alert' : 'hint'}>
          {message}
        </p>
      )}
      {notices.length > 0 && (
        <ul aria-label="Training notices" className="training-notices">
          {notices.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <div className="training-readout">
        <TrainingProgress />
        <LossSparkline />
      </div>
      <details className="training-settings-box" open>
        <summary>Settings</summary>
        <TrainingSettingsForm />
      </details>
    </Panel>
  );
}
