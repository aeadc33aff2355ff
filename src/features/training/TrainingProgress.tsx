import { useThrottledStore } from '../../store/useThrottledStore';
import { selectRun } from '../../store/selectors';
import type { RunState, RunStatus } from '../../core/training/run-state';
import { formatDuration, formatLoss, formatPercent, formatRate } from './format';

const STATUS_TEXT: Record<RunStatus, string> = {
  idle: 'Not started',
  starting: 'Starting…',
  running: 'Training',
  paused: 'Paused',
  stopping: 'Stopping…',
  finished: 'Finished',
  stopped: 'Stopped',
  diverged: 'Stopped: the loss diverged',
  failed: 'Could not train',
};

function statusText(run: RunState): string {
  const b = run.benchmark;
  if (b && b.picked === null && (run.status === 'starting' || run.status === 'running')) {
    return `${STATUS_TEXT[run.status]} · measuring backends (${b.results.length} of ${b.total})…`;
  }
  return STATUS_TEXT[run.status];
}

function rows(run: RunState): [string, string][] {
  const p = run.progress;
  const last = run.epochs.at(-1);
  const acc = last?.valMetrics.accuracy ?? last?.metrics.accuracy;
  return [
    ['Status', statusText(run)],
    ['Backend', run.backend ?? '—'],
    ['Epoch', p ? `${p.epoch} / ${p.totalEpochs}` : '—'],
    ['Batch', p ? `${p.batch} / ${p.batchesPerEpoch}` : '—'],
    ['Samples/s', p ? formatRate(p.samplesPerSec) : '—'],
    ['Elapsed', p ? formatDuration(p.elapsedMs) : '—'],
    ['Time left', p && run.status !== 'finished' ? formatDuration(p.etaMs) : '—'],
    ['First loss', formatLoss(run.losses[0]?.loss)],
    ['Latest loss', formatLoss(run.losses.at(-1)?.loss)],
    ['Validation loss', formatLoss(last?.valLoss)],
    [last?.valMetrics.accuracy !== undefined ? 'Val. accuracy' : 'Accuracy', formatPercent(acc)],
  ];
}

/** Where the run stands. Not a live region: it changes up to 4 times a second. */
export function TrainingProgress() {
  const run = useThrottledStore(selectRun);
  return (
    <dl aria-label="Training progress" className="training-progress" data-status={run.status}>
      {rows(run).map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
