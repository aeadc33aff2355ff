import { useMemo } from 'react';
import { useThrottledStore } from '../../store/useThrottledStore';
import { selectBatchLosses } from '../../store/selectors';
import { downsample, formatLoss, sparklinePoints } from './format';

const W = 240;
const H = 48;

/** A small live readout of the per-batch loss; the full charts live in features/charts. */
export function LossSparkline() {
  const losses = useThrottledStore(selectBatchLosses);
  const points = useMemo(
    () =>
      sparklinePoints(
        downsample(
          losses.map((l) => l.loss),
          200,
        ),
        W,
        H,
      ),
    [losses],
  );
  if (losses.length === 0) return null;
  const first = losses[0]?.loss;
  const last = losses.at(-1)?.loss;
  return (
    <svg
      role="img"
      aria-label={`Loss per batch, from ${formatLoss(first)} to ${formatLoss(last)}`}
      className="loss-sparkline"
      viewBox={`-2 -2 ${W + 4} ${H + 4}`}
      width={W}
      height={H}
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
