import { lazy, Suspense } from 'react';
import { Panel } from '../components/Panel';

// The graph's layout library (dagre) is not needed to build or train, so it arrives just after
// the first paint instead of delaying it.
const GraphPanelBody = lazy(() =>
  import('../features/graph/GraphPanel').then((m) => ({ default: m.GraphPanel })),
);

export function GraphPanel() {
  return (
    <Suspense
      fallback={
        <Panel title="Graph" className="graph-panel">
          <p className="chart-loading" aria-busy="true">
            Loading graph…
          </p>
        </Panel>
      }
    >
      <GraphPanelBody />
    </Suspense>
  );
}
