import { useAppStore } from '../../store/store';
import { selectBackend } from '../../store/selectors';

/** Tells the truth about where training runs: the backend, its adapter, and why others were skipped. */
export function BackendBadge() {
  const backend = useAppStore(selectBackend);
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
  const adapter = report.adapter;
  const adapterText = adapter
    ? ` · ${adapter.description || adapter.vendor || 'unknown adapter'}${adapter.isFallbackAdapter ? ' (software adapter)' : ''}`
    : '';
  return (
    <div className="backend">
      <div role="status" aria-label="Backend" className="badge badge-ok" data-backend={report.name}>
        Backend: <strong>{report.name}</strong>
        {adapterText}
      </div>
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
    </div>
  );
}
