import { BackendBadge } from '../features/status/BackendBadge';
import { BuilderDnd } from '../features/builder/BuilderDnd';
import { Palette } from '../features/builder/Palette';
import { StackPanel } from '../features/builder/StackPanel';
import { TemplateMenu } from '../features/builder/TemplateMenu';
import { UndoRedo } from '../features/builder/UndoRedo';
import { useUndoShortcuts } from '../features/builder/useUndoShortcuts';
import { Inspector } from '../features/inspector/Inspector';
import { SummaryPanel } from '../features/summary/SummaryPanel';
import { TrainingPanel } from '../features/training/TrainingPanel';
import { ChartsPanel } from '../features/charts/ChartsPanel';
import { DatasetPanel } from '../features/dataset/DatasetPanel';
import { LiveAnnouncer } from '../components/LiveAnnouncer';
import { ShareBanner } from '../features/share/ShareBanner';
import { ShareToolbar } from '../features/share/ShareToolbar';
import { HideWhenTaught } from '../features/share/HideWhenTaught';
import { useShareSession } from '../features/share/share-session';
import { ErrorBoundary } from './ErrorBoundary';
import { GraphPanel, SweepPanel } from './lazy-panels';
import { useTrainer } from './useTrainer';
import { ColumnSplitter } from './layout/ColumnSplitter';
import { PredictionsPanel } from './layout/PredictionsPanel';
import { ResetLayoutButton } from './layout/ResetLayoutButton';
import { Workspace } from './layout/Workspace';
import './layout.css';
import './touch.css';
import '../features/builder/builder.css';
import '../features/inspector/inspector.css';
import '../features/summary/summary.css';
import '../features/graph/graph.css';

export function App() {
  // First: restores the experiment (link, else autosave) before the trainer and panels start.
  useShareSession();
  useTrainer();
  useUndoShortcuts();
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">
          <span aria-hidden="true" className="brand-mark" />
          Layerlab
        </h1>
        <div role="toolbar" aria-label="Model tools" className="header-tools">
          <TemplateMenu />
          <span className="divider" aria-hidden="true" />
          <UndoRedo />
        </div>
        <ShareToolbar />
        <BackendBadge />
        <ResetLayoutButton />
      </header>
      <ShareBanner />
      <Workspace>
        <BuilderDnd>
          <div className="col col-palette area-palette">
            <ErrorBoundary area="Palette">
              <Palette />
            </ErrorBoundary>
          </div>
          <div className="col col-work col-build">
            <div className="area-stack">
              <ErrorBoundary area="Model">
                <StackPanel />
              </ErrorBoundary>
            </div>
            <div className="area-inspector">
              <ErrorBoundary area="Inspector">
                <Inspector />
              </ErrorBoundary>
            </div>
            <div className="area-summary">
              <ErrorBoundary area="Summary">
                <SummaryPanel />
              </ErrorBoundary>
            </div>
            <div className="area-graph">
              <ErrorBoundary area="Graph">
                <GraphPanel />
              </ErrorBoundary>
            </div>
          </div>
        </BuilderDnd>
        <ColumnSplitter edge={0} label="Resize the build and train columns" />
        <div className="col col-work col-train">
          <div className="area-training slot">
            <ErrorBoundary area="Training">
              <TrainingPanel />
            </ErrorBoundary>
          </div>
          {/* Sweeps: the sweep panel mounts in this slot, below the Train controls. */}
          <div className="area-sweep slot">
            <ErrorBoundary area="Sweeps">
              <SweepPanel /> {/* SWEEPS (issue 21) */}
            </ErrorBoundary>
          </div>
          <div className="area-data slot">
            <ErrorBoundary area="Data">
              <DatasetPanel />
            </ErrorBoundary>
          </div>
        </div>
        <ColumnSplitter edge={1} label="Resize the train and watch columns" />
        <div className="col col-work col-watch">
          <div className="area-predictions">
            <ErrorBoundary area="Predictions">
              <HideWhenTaught area="predictions">
                <PredictionsPanel />
              </HideWhenTaught>
            </ErrorBoundary>
          </div>
          <div className="area-charts">
            <ErrorBoundary area="Charts">
              <ChartsPanel />
            </ErrorBoundary>
          </div>
        </div>
      </Workspace>
      <LiveAnnouncer />
    </div>
  );
}
