import { useEffect } from 'react';
import { useAppStore } from '../../store/store';
import { selectPrepared } from '../../store/selectors';
import { gridFor, isOurGrid } from './decision-grid-inputs';

/**
 * For 2-D classification, asks the worker to predict a grid over the data at every probe, so
 * the Predictions tab can draw the decision boundary. It has to be set before Train (the
 * grid travels with the start request), so it follows the data whichever tab is open.
 */
export function useDecisionGridInputs(): void {
  const prepared = useAppStore(selectPrepared);
  useEffect(() => {
    const s = useAppStore.getState();
    const grid = prepared.ok ? gridFor(prepared.value) : null;
    if (grid) {
      if (s.probeInputs !== grid.inputs) s.setProbeInputs(grid.inputs);
    } else if (isOurGrid(s.probeInputs)) {
      s.setProbeInputs(null);
    }
  }, [prepared]);
}
