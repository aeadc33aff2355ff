import { useState } from 'react';
import { isActive } from '../../core/training/run-state';
import { selectDatasetConfig, selectLiveConfig, selectPrepared } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { DrawTry } from './DrawTry';
import { TableTry } from './TableTry';
import { WindowTry } from './WindowTry';
import './predict.css';

/**
 * "Try it": the current model on an input of the user's: a digit drawn on a pad for image
 * models, a form of feature values for tables, a picked window for series. Folded, it asks
 * the trainer nothing.
 */
export function TryIt() {
  const [open, setOpen] = useState(true);
  const prepared = useAppStore(selectPrepared);
  const dataConfig = useAppStore(selectDatasetConfig);
  const live = useAppStore(selectLiveConfig);
  const runId = useAppStore((s) => s.run.id);
  const status = useAppStore((s) => s.run.status);
  if (!prepared.ok) return null;
  const data = prepared.value;
  const kind = dataConfig.prepare.windowing.enabled
    ? 'window'
    : data.xShape.length === 4
      ? 'draw'
      : 'table';

  const sameData = live !== null && JSON.stringify(live.data.config) === JSON.stringify(dataConfig);
  const hasModel =
    runId > 0 &&
    status !== 'starting' &&
    (isActive(status) || status === 'finished' || status === 'stopped');
  const why = !hasModel
    ? status === 'diverged' || status === 'failed'
      ? 'This run left no model to try: train again.'
      : 'Train the model to try it: the prediction follows the model while it learns.'
    : !sameData
      ? 'The data changed since this run: train again to try it.'
      : null;
  const ready = why === null ? runId : null;
  const title =
    kind === 'draw'
      ? 'Try it: draw a digit'
      : kind === 'window'
        ? 'Try it: pick a window'
        : 'Try it: an input of yours';

  return (
    <details className="try-it" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{title}</summary>
      {open && (
        <div className="try-body">
          {why && <p className="hint">{why}</p>}
          {kind === 'draw' && <DrawTry data={data} runId={ready} />}
          {kind === 'table' && <TableTry data={data} runId={ready} />}
          {kind === 'window' && <WindowTry data={data} runId={ready} />}
        </div>
      )}
    </details>
  );
}
