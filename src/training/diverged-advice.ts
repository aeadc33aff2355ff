import { formatFigure } from '../core/charts/format';
import type { WorkerRequest } from '../core/training/protocol';

export interface Divergence {
  epoch: number;
  batch: number;
  loss: number;
  /** The learning rate in force when it diverged (it can change mid-run). */
  learningRate: number;
  clipNorm: number | null;
  normalisation: Extract<WorkerRequest, { type: 'start' }>['normalisation'];
}

/**
 * Why training stopped and what to change, as one paragraph. Each remedy is offered only where
 * the settings leave room for it: advising z-scores to someone who already uses them sends them
 * looking for a switch that is already on.
 */
export function divergedMessage(d: Divergence): string {
  const what = Number.isNaN(d.loss) ? 'NaN (not a number)' : 'infinite';
  const tries = [
    `a lower learning rate (it is ${d.learningRate}; try ${formatFigure(d.learningRate / 10)})`,
  ];
  // Min-max also brings the inputs near 1, which is all the advice is after.
  if (d.normalisation === undefined || d.normalisation === 'none') {
    tries.push('normalise the inputs (z-score in the data settings)');
  }
  tries.push(
    d.clipNorm === null
      ? 'clip gradients (in the training settings)'
      : `clip gradients harder (the clip norm is ${d.clipNorm}; try ${formatFigure(d.clipNorm / 10)})`,
  );
  const last = tries.pop() ?? '';
  const list =
    tries.length === 0 ? last : `${tries.join(', ')}${tries.length > 1 ? ',' : ''} or ${last}`;
  return (
    `The loss became ${what} at epoch ${d.epoch}, batch ${d.batch}, so training stopped. ` +
    `Try ${list}.`
  );
}
