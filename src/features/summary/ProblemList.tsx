import { Icon } from '../../components/Icon';
import { useAppStore } from '../../store/store';
import { selectShapeReport } from '../../store/selectors';
import { focusCard } from '../../components/card-focus';

/** What stops the model from building; each problem selects (and shows) the layer it is about. */
export function ProblemList() {
  const report = useAppStore(selectShapeReport);
  if (report.errors.length === 0) {
    return (
      <p className="problems-ok" role="status" aria-label="Problems">
        <Icon name="check" size={14} />
        The model builds: every shape fits.
      </p>
    );
  }
  const nameOf = (id: string | null) => report.layers.find((l) => l.id === id)?.name ?? null;
  return (
    <ul className="problems" aria-label="Problems">
      {report.errors.map((e, i) => {
        const name = nameOf(e.layerId);
        return (
          <li key={`${e.layerId ?? 'model'}-${i}`}>
            {e.layerId === null || name === null ? (
              <p className="problem">
                <Icon name="alert" size={14} />
                <span>{e.message}</span>
              </p>
            ) : (
              <button
                type="button"
                className="problem"
                onClick={() => {
                  useAppStore.getState().select(e.layerId);
                  focusCard(e.layerId);
                }}
              >
                <Icon name="alert" size={14} />
                <span>
                  <strong className="mono">{name}</strong>: {e.message}
                </span>
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
