import { Panel } from '../../components/Panel';
import { useAppStore } from '../../store/store';
import { selectLayerCount, selectSummary } from '../../store/selectors';
import { MAX_LAYERS } from '../../core/limits';
import { RefusalAlert } from './RefusalAlert';
import { Stack } from './Stack';

/** The stack with its running totals and the alert for refused edits. */
export function StackPanel() {
  const count = useAppStore(selectLayerCount);
  const summary = useAppStore(selectSummary);
  return (
    <Panel
      title="Model"
      className="stack-panel"
      actions={
        <span className="stack-stats">
          <span title={`At most ${MAX_LAYERS} layers`}>
            {count} {count === 1 ? 'layer' : 'layers'}
          </span>
          <span aria-hidden="true">·</span>
          <span>{summary.total.toLocaleString('en-US')} params</span>
        </span>
      }
    >
      <RefusalAlert />
      <Stack />
    </Panel>
  );
}
