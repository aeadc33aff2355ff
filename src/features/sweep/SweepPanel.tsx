import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { SweepControls } from './SweepControls';
import { SweepDefine } from './SweepDefine';
import { SweepResults } from './SweepResults';
import './sweep.css';

/** Sweeps: try many settings, one run after another, and see which wins (Keras Tuner's idea). */
export function SweepPanel() {
  const { status, sweep, experimentId } = useAppStore(
    useShallow((s) => ({
      status: s.sweepStatus,
      sweep: s.sweep,
      experimentId: s.activeExperimentId,
    })),
  );
  const [scriptProblem, setScriptProblem] = useState<string | null>(null);
  // The experiment's last sweep, kept in IndexedDB, comes back after a reload.
  useEffect(() => {
    void useAppStore.getState().loadSavedSweep();
  }, [experimentId]);
  const busy = status === 'running' || status === 'paused' || status === 'stopping';
  // The script writers (the Keras script's own code) load on the first click.
  const script = (kind: 'keras-tuner' | 'loop') =>
    void import('./sweep-files')
      .then((f) => setScriptProblem(f.downloadSweepScript(useAppStore.getState(), kind)))
      .catch((err: unknown) =>
        setScriptProblem(
          `The script writer could not load (${err instanceof Error ? err.message : String(err)}); reload the page and try again.`,
        ),
      );
  return (
    <Panel title="Sweeps" className="sweep-panel">
      <SweepDefine busy={busy} />
      <SweepControls />
      <div role="group" aria-label="Export the sweep as Python" className="button-row">
        <button type="button" onClick={() => script('keras-tuner')}>
          Export Keras Tuner script
        </button>
        <button type="button" onClick={() => script('loop')}>
          Export plain Python loop
        </button>
      </div>
      {scriptProblem && (
        <p role="alert" className="sweep-error">
          {scriptProblem}
        </p>
      )}
      {sweep && <SweepResults rec={sweep} />}
    </Panel>
  );
}
