import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDuration, sweepEtaMs } from '../../core/sweep/estimate';
import { useAppStore } from '../../store/store';

/** Start, pause, resume, skip, stop; and where the sweep stands: run k of n, time left. */
export function SweepControls() {
  const s = useAppStore(
    useShallow((st) => ({
      status: st.sweepStatus,
      sweep: st.sweep,
      current: st.sweepCurrent,
      queue: st.sweepQueue,
      message: st.sweepMessage,
      runEta:
        st.sweepCurrent && st.run.id === st.sweepCurrent.runId
          ? (st.run.progress?.etaMs ?? null)
          : null,
      trainCount: st.prepared.ok ? st.prepared.value.trainCount : 0,
    })),
  );
  const [refused, setRefused] = useState<string | null>(null);
  const api = useAppStore.getState;
  const active = s.status === 'running' || s.status === 'paused' || s.status === 'stopping';
  const done = (s.sweep?.results ?? []).filter((r) => r.outcome !== 'not run');
  const samples = done.reduce((n, r) => n + r.epochs.length * s.trainCount, 0);
  const ms = done.reduce((n, r) => n + r.timeMs, 0);
  const left = sweepEtaMs(s.queue, s.trainCount, samples > 0 ? ms / samples : null);
  const eta = left !== null || s.runEta !== null ? (left ?? 0) + (s.runEta ?? 0) : null;
  return (
    <div className="sweep-controls">
      <div role="group" aria-label="Sweep controls" className="button-row">
        {!active && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              const r = api().startSweep();
              setRefused(r.ok ? null : r.reason);
            }}
          >
            Start sweep
          </button>
        )}
        {s.status === 'running' && (
          <button type="button" onClick={() => api().pauseSweep()}>
            Pause sweep
          </button>
        )}
        {s.status === 'paused' && (
          <button type="button" onClick={() => api().resumeSweep()}>
            Resume sweep
          </button>
        )}
        {active && (
          <>
            <button
              type="button"
              onClick={() => api().skipSweepRun()}
              disabled={s.status === 'stopping'}
            >
              Skip this run
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => api().stopSweep()}
              disabled={s.status === 'stopping'}
            >
              Stop sweep
            </button>
          </>
        )}
      </div>
      {refused && (
        <p role="alert" className="sweep-error">
          {refused}
        </p>
      )}
      <p role="status" aria-label="Sweep progress" className="sweep-progress">
        {active && s.sweep && s.current
          ? `Run ${s.current.index} of ${s.sweep.total}${s.status === 'paused' ? ' (paused)' : ''}${eta !== null ? `, about ${formatDuration(eta)} left` : ''}`
          : s.status === 'done' && s.sweep
            ? `Sweep finished: ${done.length} of ${s.sweep.total} runs.`
            : s.status === 'stopped' && s.sweep
              ? `Sweep stopped after ${done.length} of ${s.sweep.total} runs.`
              : ''}
      </p>
      {s.message && <p className="sweep-note">{s.message}</p>}
    </div>
  );
}
