import { useEffect, useId, useState } from 'react';
import { Panel } from '../../components/Panel';
import { selectView } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { ChartTabs, panelId, tabId, type TabDef } from './ChartTabs';
import { ChartSlot } from '../../components/ChartSlot';
import { ChartsOnScreen } from '../../store/charts-on-screen';
import {
  ActivationExplorer,
  LayerOutputsTab,
  LossTab,
  PoolingTab,
  PredictionsTab,
} from './lazy-tabs';
import { recordRuns } from './run-recorder';
import { useDecisionGridInputs } from './useDecisionGridInputs';
import { useOnScreen } from './useOnScreen';
import type { ViewOptions } from './loss-data';
import './charts.css';

type TabKey = 'loss' | 'outputs' | 'pooling' | 'predictions' | 'explorer';

const TABS: readonly TabDef<TabKey>[] = [
  { id: 'loss', label: 'Loss and runs' },
  { id: 'outputs', label: 'Layer outputs' },
  { id: 'pooling', label: 'Pooling' },
  { id: 'predictions', label: 'Predictions' },
  { id: 'explorer', label: 'Activation explorer' },
];

/**
 * The big charts. Only the open tab renders (hidden ones cost nothing while training); the run
 * history and the decision-boundary grid are kept up whichever tab is open.
 */
export function ChartsPanel() {
  const prefix = useId();
  const [tab, setTab] = useState<TabKey>('loss');
  // In the store, not local state: smoothing and scale are part of a shared link.
  const view = useAppStore(selectView);
  const setView = (v: ViewOptions) => useAppStore.getState().setView(v);
  useEffect(() => recordRuns(useAppStore), []);
  useDecisionGridInputs();
  const [observe, onScreen] = useOnScreen<HTMLDivElement>();
  return (
    <Panel title="Charts" className="charts-panel">
      <ChartTabs<TabKey> tabs={TABS} value={tab} onChange={setTab} idPrefix={prefix} />
      <div
        ref={observe}
        role="tabpanel"
        id={panelId(prefix, tab)}
        aria-labelledby={tabId(prefix, tab)}
        className="chart-tabpanel"
      >
        <ChartsOnScreen value={onScreen}>
          <ChartSlot>
            {tab === 'loss' && <LossTab view={view} onViewChange={setView} />}
            {tab === 'outputs' && <LayerOutputsTab />}
            {tab === 'pooling' && <PoolingTab />}
            {tab === 'predictions' && <PredictionsTab />}
            {tab === 'explorer' && <ActivationExplorer />}
          </ChartSlot>
        </ChartsOnScreen>
      </div>
    </Panel>
  );
}
