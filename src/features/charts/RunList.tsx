import { useAppStore } from '../../store/store';
import { selectRun, selectRuns } from '../../store/selectors';
import { useTaughtHidden, useTeachAreas } from '../../store/teach-view';
import { RunItem } from './RunItem';

/** The run history: overlay earlier runs on the charts, rename or delete them. */
export function RunList() {
  const runs = useAppStore(selectRuns);
  const runId = useAppStore((s) => selectRun(s).id);
  useTeachAreas(['runs']);
  const hidden = useTaughtHidden('runs');
  return (
    <div className="taught-area" data-teach-area="runs" hidden={hidden}>
      <section className="run-list" aria-labelledby="run-list-title">
        <h3 id="run-list-title">Runs</h3>
        {runs.length === 0 ? (
          <p className="empty-note">
            Every run is kept here when it ends, to compare with the next.
          </p>
        ) : (
          <ul aria-label="Training runs">
            {[...runs].reverse().map((r) => (
              <RunItem key={r.id} run={r} onScreen={r.sourceRunId === runId} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
