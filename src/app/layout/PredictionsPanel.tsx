import { ChartSlot, lazyNamed } from '../../components/ChartSlot';
import { Panel } from '../../components/Panel';
import { ChartsOnScreen } from '../../store/charts-on-screen';
import { PredictionsTab } from '../../features/charts/lazy-tabs';
import { useOnScreen } from '../../features/charts/useOnScreen';

// Loaded after the first paint, like the charts: nothing needs it before a model is trained.
const TryIt = lazyNamed(() => import('../../features/predict/TryIt'), 'TryIt');

/**
 * The task's main view (decision boundary, forecast against truth, confusion matrix) kept in
 * sight beside the loss while training, instead of one tab away from it, and under it "Try it"
 * (the model on an input of the user's). Like every live chart it stops redrawing while
 * folded or scrolled away.
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
          <ChartSlot minHeight={24}>
            <TryIt />
          </ChartSlot>
        </ChartsOnScreen>
      </div>
    </Panel>
  );
}
