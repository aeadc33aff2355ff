import { Panel } from '../../components/Panel';
import { formatBytes } from '../../core/limits';
import { useAppStore } from '../../store/store';
import { selectMemory, selectShapeReport } from '../../store/selectors';
import { ProblemList } from './ProblemList';
import { SummaryTable } from './SummaryTable';

/** The live summary and, above it, whatever keeps the model from building. */
export function SummaryPanel() {
  const report = useAppStore(selectShapeReport);
  const memory = useAppStore(selectMemory);
  const problems = report.errors.length;
  return (
    <Panel
      title="Summary"
      className="summary-panel"
      actions={
        <span
          className="muted"
          title="Weights, gradients and Adam state, plus activations for a batch of 32"
        >
          ≈ {formatBytes(memory.totalBytes)} to train
        </span>
      }
    >
      <h3 className="subhead">{problems === 0 ? 'Problems' : `Problems (${problems})`}</h3>
      <ProblemList />
      <h3 className="subhead">Layers</h3>
      <SummaryTable />
    </Panel>
  );
}
