import { weightValues } from '../../core/export/weights-manifest';
import { useAppStore } from '../../store/store';
import { selectInitialWeights } from '../../store/selectors';

/** Says that runs start from imported weights, and lets the user go back to new ones. */
export function InitialWeightsNote() {
  const weights = useAppStore(selectInitialWeights);
  if (!weights) return null;
  const values = weightValues(weights.specs);
  return (
    <p className="hint initial-weights">
      Runs start from the imported weights ({weights.source}, {values.toLocaleString('en-US')}{' '}
      values), not from the seed.{' '}
      <button
        type="button"
        className="link"
        onClick={() => useAppStore.getState().setInitialWeights(null)}
      >
        Use new weights
      </button>
    </p>
  );
}
