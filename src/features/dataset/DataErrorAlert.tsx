import { useAppStore } from '../../store/store';
import { selectDataError, selectDataRetry } from '../../store/selectors';

/**
 * A new file or data set that did not load: the message (with the row and column the data
 * library names), and the reassurance that nothing was lost.
 */
export function DataErrorAlert({ inUse }: { inUse: string }) {
  const error = useAppStore(selectDataError);
  const retry = useAppStore(selectDataRetry);
  if (!error) return null;
  return (
    <div role="alert" className="data-alert">
      <p>{error}</p>
      <p className="data-help">
        {retry
          ? `Fix the file and open it again, or change “Missing values” or “Header row” below to read '${retry}' again with them. `
          : ''}
        Still in use: {inUse}.
      </p>
      <button type="button" onClick={() => useAppStore.getState().dismissDataError()}>
        Dismiss the data error
      </button>
    </div>
  );
}
