import { ChartSlot } from '../../components/ChartSlot';
import { Panel } from '../../components/Panel';
import { ChartsOnScreen } from '../../store/charts-on-screen';
import { PredictionsTab } from '../../features/charts/lazy-tabs';
import { useOnScreen } from '../../features/charts/useOnScreen';

/**
 * The task's main view (decision boundary, forecast against truth, confusion matrix) kept in
 * sight beside the loss while training, instead of one tab away from it. Like every live chart
 * it stops redrawing while folded or scrolled away.
 */
export function PredictionsPanel() {
  const [observe, onScreen] = useOnScreen<HTMLDivElement>();
  return (
    <Panel title="Predictions" className="predictions-panel">
      {/* Focusable: on a laptop screen its height is capped and it scrolls (keyboard included). */}
      <div
        ref={observe}
        className="predictions-body"
        role="group"
        aria-label="Predictions view"
        tabIndex={0}
      >
        <ChartsOnScreen value={onScreen}>
          <ChartSlot minHeight={120}>
            <PredictionsTab />
          </ChartSlot>
        </ChartsOnScreen>
      </div>
    </Panel>
  );
}
