import { useAppStore } from '../../store/store';
import {
  selectCsvFileMissing,
  selectDataLoaded,
  selectPrepared,
  selectWindowingEnabled,
} from '../../store/selectors';

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;

/** The prepared data in one sentence, its array shapes, and anything the user should know. */
export function DataSummary() {
  const prepared = useAppStore(selectPrepared);
  const windowed = useAppStore(selectWindowingEnabled);
  const loaded = useAppStore(selectDataLoaded);
  const linkedCsv = useAppStore(selectCsvFileMissing);
  if (!prepared.ok) {
    // The windowing wizard and the CSV import show their reasons beside their own settings.
    const shownElsewhere = (windowed && loaded !== null) || linkedCsv;
    return shownElsewhere ? null : (
      <p role="status" className="data-problem">
        {prepared.reason}
      </p>
    );
  }
  const p = prepared.value;
  return (
    <div className="data-summary">
      <p className="data-sentence">{p.description}</p>
      <dl className="data-shapes" aria-label="Data shapes">
        <div>
          <dt>X shape</dt>
          <dd>{shapeText(p.xShape)}</dd>
        </div>
        <div>
          <dt>y shape</dt>
          <dd>{shapeText(p.yShape)}</dd>
        </div>
        {p.classNames.length > 0 && (
          <div>
            <dt>Classes</dt>
            <dd>{p.classNames.join(', ')}</dd>
          </div>
        )}
      </dl>
      {p.warnings.length > 0 && (
        <ul className="data-notes" aria-label="Notes on the data">
          {p.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
