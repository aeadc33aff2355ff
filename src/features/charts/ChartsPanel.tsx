import { useEffect, useId, useState } from 'react';
import { Panel } from '../../components/Panel';
import { selectView } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { ChartTabs, panelId, tabId, type TabDef } from './ChartTabs';
import { ChartSlot } from '../../components/ChartSlot';
import { ChartsOnScreen } from '../../store/charts-on-screen';
import { ActivationExplorer, LayerOutputsTab, LossTab, PoolingTab, TimelineTab } from './lazy-tabs';
import { TimelineScrubber } from './timeline/TimelineScrubber';
import { syncTimelines } from '../../store/timeline-sync';
import { browserTimelineDb } from '../../store/timeline-db';
import { recordRuns } from './run-recorder';
import { useDecisionGridInputs } from './useDecisionGridInputs';
import { useOnScreen } from './useOnScreen';
import type { ViewOptions } from './loss-data';
import { isTeachArea, type TeachArea } from '../../core/share/teach';
import { selectHidden, useTaughtHidden, useTeachAreas, useTeachView } from '../../store/teach-view';
import './charts.css';

type TabKey = 'loss' | 'outputs' | 'pooling' | 'timeline' | 'explorer';

const TABS: readonly TabDef<TabKey>[] = [
  { id: 'loss', label: 'Loss and runs' },
  { id: 'outputs', label: 'Layer outputs' },
  { id: 'pooling', label: 'Pooling' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'explorer', label: 'Activation explorer' },
];

/** Each tab a teaching link can hide: those the link format names. */
const tabArea = (id: TabKey): TeachArea | null =>
  isTeachArea(`charts.${id}`) ? (`charts.${id}` as TeachArea) : null;
const TAB_AREAS = TABS.flatMap((t) => tabArea(t.id) ?? []);

/**
 * The big charts. Only the open tab renders (hidden ones cost nothing while training); the run
 * history and the decision-boundary grid are kept up whichever tab is open. The predictions
 * are no tab here: they have a panel of their own beside the loss (PredictionsPanel).
 */
export function ChartsPanel() {
  const prefix = useId();
  const [chosen, setTab] = useState<TabKey>('loss');
  useTeachAreas(TAB_AREAS);
  const hidden = useTeachView(selectHidden);
  const tabs = TABS.filter((t) => !hidden.some((a) => a === tabArea(t.id)));
  const panelHidden = useTaughtHidden('charts');
  // A tab a teaching link hides gives way to the first one shown.
  const tab = tabs.some((t) => t.id === chosen) ? chosen : (tabs[0]?.id ?? chosen);
  // In the store, not local state: smoothing and scale are part of a shared link.
  const view = useAppStore(selectView);
  const setView = (v: ViewOptions) => useAppStore.getState().setView(v);
  useEffect(() => recordRuns(useAppStore), []);
  useEffect(() => syncTimelines(useAppStore, browserTimelineDb()), []);
  useDecisionGridInputs();
  const [observe, onScreen] = useOnScreen<HTMLDivElement>();
  return (
    // Hidden by a teaching link, it stays mounted: the run history keeps recording.
    <div className="taught-area" data-teach-area="charts" hidden={panelHidden}>
      <Panel title="Charts" className="charts-panel">
        <ChartTabs<TabKey> tabs={tabs} value={tab} onChange={setTab} idPrefix={prefix} />
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
              {tab === 'timeline' && <TimelineTab />}
              {tab === 'explorer' && <ActivationExplorer />}
            </ChartSlot>
          </ChartsOnScreen>
        </div>
        <TimelineScrubber />
      </Panel>
    </div>
  );
}
