import { useAppStore } from '../../store/store';
import { selectDataBusy } from '../../store/selectors';

/**
 * What the data is doing now. Always in the page (an empty live region), so a screen reader
 * hears "Reading 'sales.csv'…"; the text fades in only after a moment, so quick
 * preparations do not flicker.
 */
export function BusyStatus() {
  const busy = useAppStore(selectDataBusy);
  return (
    <span role="status" aria-label="Data status" className="data-busy">
      {busy && <span className="data-busy-text">{busy}</span>}
    </span>
  );
}
