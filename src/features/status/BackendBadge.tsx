import { useAppStore } from '../../store/store';
import { selectBackend, selectBenchmark, selectTrainerMode } from '../../store/selectors';
import { formatRate } from '../../core/training/fastest';
import type { BackendReport } from '../../core/training/protocol';

function adapterText(report: BackendReport): string {
  const a = report.adapter;
  if (!a) return '';
  const name =
    a.description || [a.vendor, a.architecture].filter(Boolean).join(' ') || 'unknown adapter';
  return ` · ${name}${a.isFallbackAdapter ? ' (software adapter)' : ''}`;
}

const warmup = (ms: number | null) =>
  ms === null
    ? ''
    : `, first step ${ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`}`;

/** The speeds Auto measured on this model, so its choice can be checked. */
function Measured() {
  const benchmark = useAppStore(selectBenchmark);
  if (!benchmark) return null;
  return (
    <details className="skipped">
      <summary>Measured</summary>
      <ul aria-label="Measured training speed">
        {benchmark.results.map((r) => (
          <li key={r.name} data-backend={r.name}>
            <strong>{r.name}</strong>:{' '}
            {r.stepsPerSecond === null
              ? r.reason
              : `${formatRate(r.stepsPerSecond)} steps/s${warmup(r.warmupMs)}${r.name === benchmark.picked ? ' (picked)' : ''}`}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Tells the truth about where training runs: the backend, its adapter, and why others were skipped. */
export function BackendBadge() {
  const backend = useAppStore(selectBackend);
  const mode = useAppStore(selectTrainerMode);
  if (backend.state === 'starting') {
    return (
      <div role="status" aria-label="Backend" className="badge badge-pending">
        Starting TensorFlow.js…
      </div>
    );
  }
  if (backend.state === 'failed') {
    return (
      <div role="status" aria-label="Backend" className="badge badge-error">
        No backend: {backend.message}
      </div>
    );
  }
  const { report } = backend;
  return (
    <div className="backend">
      <div role="status" aria-label="Backend" className="badge badge-ok" data-backend={report.name}>
        Backend: <strong>{report.name}</strong>
        {adapterText(report)}
        {mode === 'main-thread' && ' · on the page (no worker)'}
      </div>
      {report.why && (
        <details className="skipped">
          <summary>Why {report.name}</summary>
          <p aria-label="Why this backend">{report.why}.</p>
        </details>
      )}
      {report.skipped.length > 0 && (
        <details className="skipped">
          <summary>Skipped {report.skipped.map((s) => s.name).join(', ')}</summary>
          <ul aria-label="Skipped backends">
            {report.skipped.map((s) => (
              <li key={s.name}>
                <strong>{s.name}</strong>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <Measured />
    </div>
  );
}
