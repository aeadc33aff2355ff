import { Suspense } from 'react';
import { lazyNamed, LoadingNote } from '../components/ChartSlot';
import { Panel } from '../components/Panel';

// The graph's layout library (dagre) is not needed to build or train, so it arrives just after
// the first paint instead of delaying it.
const GraphPanelBody = lazyNamed(() => import('../features/graph/GraphPanel'), 'GraphPanel');

export function GraphPanel() {
  return (
    <Suspense
      fallback={
        <Panel title="Graph" className="graph-panel">
          <LoadingNote what="graph" />
        </Panel>
      }
    >
      <GraphPanelBody />
    </Suspense>
  );
}

const SweepPanelBody = lazyNamed(() => import('../features/sweep/SweepPanel'), 'SweepPanel');
export const SweepPanel = () => (
  <Suspense fallback={<LoadingNote what="sweeps" />}>
    <SweepPanelBody />
  </Suspense>
);
