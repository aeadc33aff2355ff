import { useAppStore } from '../../store/store';
import { selectSelectedId, selectSummary } from '../../store/selectors';
import { focusCard } from '../../components/card-focus';

const count = (n: number) => n.toLocaleString('en-US');

/** Keras's model.summary() as a table; a row selects its layer. */
export function SummaryTable() {
  const summary = useAppStore(selectSummary);
  const selectedId = useAppStore(selectSelectedId);
  const select = (id: string) => {
    useAppStore.getState().select(id);
    focusCard(id);
  };
  return (
    <div className="summary">
      <table aria-label="Model summary">
        <thead>
          <tr>
            <th scope="col">Layer (type)</th>
            <th scope="col">Output shape</th>
            <th scope="col" className="num">
              Param #
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr key={row.id} data-selected={row.id === selectedId || undefined}>
              <th scope="row">
                <button type="button" className="link" onClick={() => select(row.id)}>
                  <span className="mono">{row.name}</span>{' '}
                  <span className="muted">({row.type})</span>
                </button>
              </th>
              <td className="mono">{row.outputShape}</td>
              <td className="num mono">{count(row.params)}</td>
            </tr>
          ))}
          {summary.rows.length === 0 && (
            <tr>
              <td colSpan={3} className="empty-note">
                No layers yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <dl className="totals" aria-label="Parameter totals">
        <div>
          <dt>Total params</dt>
          <dd data-testid="total-params">{count(summary.total)}</dd>
        </div>
        <div>
          <dt>Trainable</dt>
          <dd>{count(summary.trainable)}</dd>
        </div>
        <div>
          <dt>Non-trainable</dt>
          <dd>{count(summary.nonTrainable)}</dd>
        </div>
      </dl>
    </div>
  );
}
