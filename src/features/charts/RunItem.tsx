import { useState, type CSSProperties } from 'react';
import { IconButton } from '../../components/IconButton';
import { browserTimelineDb, type TimelineDb } from '../../store/timeline-db';
import { announce } from '../../components/announcer';
import { describeSpec, MAX_RUN_NAME, type SavedRun } from '../../core/charts/saved-run';
import { formatExact, formatFigure } from '../../core/charts/format';
import type { DatasetConfig } from '../../data/index';
import { useAppStore } from '../../store/store';
import { CURRENT_TRAIN, runColour } from '../../core/charts/chart-theme';

const last = <T,>(xs: readonly T[]): T | undefined => xs[xs.length - 1];

const dataName = (c: DatasetConfig): string =>
  c.source === 'csv'
    ? `'${c.fileName}'`
    : c.source === 'image-folder'
      ? `'${c.name}'`
      : c.source === 'builtin'
        ? `built-in '${c.id}'`
        : `'${c.id}'`;

function RunName({ run, onDone }: { run: SavedRun; onDone(): void }) {
  const [text, setText] = useState(run.name);
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    const done = useAppStore.getState().renameRun(run.id, text);
    if (!done.ok) return setError(done.reason);
    announce(`Renamed to ${text.trim()}`);
    onDone();
  };
  return (
    <form
      className="run-rename"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <input
        aria-label={`New name for ${run.name}`}
        value={text}
        maxLength={MAX_RUN_NAME + 20}
        autoFocus
        aria-invalid={error !== null}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onDone()}
      />
      <button type="submit">Save</button>
      {error && <span role="alert">{error}</span>}
    </form>
  );
}

/** One kept run: overlay checkbox, name, what it trained and how it ended. */
let db: TimelineDb | null = null;
const timelineDb = () => (db ??= browserTimelineDb());

/** Loads the run's timeline from IndexedDB and moves every view to its first epoch. */
function ReplayButton({ run }: { run: SavedRun }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      aria-label={`Replay ${run.name}`}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void timelineDb()
          .get(run.id)
          .then((entries) => {
            setBusy(false);
            const s = useAppStore.getState();
            if (!entries || entries.length === 0) {
              s.setTimelineNotice(`No timeline was kept for ${run.name}.`);
              return;
            }
            s.setTimelineNotice(null);
            s.startReplay({ runId: run.id, name: run.name, entries });
            announce(`Replaying ${run.name}: the views show its first epoch`);
          });
      }}
    >
      Replay
    </button>
  );
}

export function RunItem({ run, onScreen }: { run: SavedRun; onScreen: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const { setRunShown, deleteRun } = useAppStore.getState();
  const end = last(run.epochs);
  const s = run.config.settings;
  return (
    <li
      className="run-item"
      // The run on screen is drawn in the current run's colour, earlier ones in their own.
      style={{ '--run': onScreen ? CURRENT_TRAIN : runColour(run.number) } as CSSProperties}
    >
      <div className="run-head">
        <label className="check">
          <input
            type="checkbox"
            checked={run.shown}
            aria-label={`Overlay ${run.name}`}
            onChange={(e) => setRunShown(run.id, e.target.checked)}
          />
          <span className="run-swatch" aria-hidden="true" />
        </label>
        {renaming ? (
          <RunName run={run} onDone={() => setRenaming(false)} />
        ) : (
          <span className="run-name">
            {run.name}
            {onScreen && <span className="muted"> (on screen)</span>}
          </span>
        )}
        <span className="run-actions">
          {!renaming && <ReplayButton run={run} />}
          {!renaming && (
            <button
              type="button"
              aria-label={`Rename ${run.name}`}
              onClick={() => setRenaming(true)}
            >
              Rename
            </button>
          )}
          <IconButton
            icon="trash"
            label={`Delete ${run.name}`}
            className="danger"
            onClick={() => {
              deleteRun(run.id);
              announce(`Deleted ${run.name}`);
            }}
          />
        </span>
      </div>
      <p className="run-meta">
        {run.outcome} after {run.epochs.length} epoch{run.epochs.length === 1 ? '' : 's'} (
        {run.batchCount} batches)
        {end && <span title={formatExact(end.loss)}> · loss {formatFigure(end.loss)}</span>}
        {end?.valLoss != null && (
          <span title={formatExact(end.valLoss)}> · val {formatFigure(end.valLoss)}</span>
        )}
      </p>
      <details className="run-config">
        <summary>Configuration</summary>
        <dl>
          <dt>Model</dt>
          <dd className="mono">{describeSpec(run.config.spec)}</dd>
          <dt>Training</dt>
          <dd>
            {s.optimizer}, learning rate {s.learningRate}, batch {s.batchSize}, {s.epochs} epochs,
            loss {s.loss}, seed {s.seed}
            {run.backend && `, on ${run.backend}`}
          </dd>
          <dt>Data</dt>
          <dd>
            {dataName(run.config.data.config)}
            {run.config.data.summary && `: ${run.config.data.summary}`}
          </dd>
        </dl>
      </details>
    </li>
  );
}
