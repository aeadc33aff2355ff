import { logAxis, stepAxis } from '../../../core/charts/axis';
import { extent } from '../../../core/charts/scale';
import { gradientWarning } from '../../../core/timeline/gradient-health';
import type { TimelineEntry } from '../../../core/timeline/history';
import { runColour } from '../../../core/charts/chart-theme';
import { EpochPlot } from './EpochPlot';
import { gradientHistory } from './timeline-data';

/**
 * Gradient norms per epoch on a log scale (all weights together, and each layer), measured on
 * the probe samples, with a plain warning when they vanish or explode.
 */
export function GradientsView({
  entries,
  marker,
}: {
  entries: readonly TimelineEntry[];
  marker: number;
}) {
  const history = gradientHistory(entries).filter((p) => p.epoch <= marker);
  const all = gradientHistory(entries);
  const values = all.flatMap((p) => [p.global, ...p.layers.map((l) => l.norm)]);
  const positive = values.filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  if (all.length === 0 || positive.length === 0)
    return (
      <p className="hint">
        No gradients recorded: they are measured on the validation samples, so the run needs a
        validation split.
      </p>
    );
  const x = stepAxis(extent(all.map((p) => p.epoch)), true);
  const y = logAxis(extent(positive));
  const names = all.at(-1)?.layers.map((l) => l.name) ?? [];
  const warning = gradientWarning(history);
  const now = history.at(-1);
  const line =
    (pick: (p: (typeof all)[number]) => number | null | undefined) =>
    (sx: (v: number) => number, sy: (v: number) => number) =>
      all
        .map((p) => ({ e: p.epoch, v: pick(p) }))
        .filter(
          (p): p is { e: number; v: number } => p.v != null && p.v > 0 && Number.isFinite(p.v),
        )
        .map((p, i) => `${i ? 'L' : 'M'}${sx(p.e)},${sy(p.v)}`)
        .join('');
  return (
    <div className="timeline-view">
      <EpochPlot label="Gradient norms over epochs, log scale" x={x} y={y} log marker={marker}>
        {(sx, sy) => (
          <>
            <path className="grad-global" d={line((p) => p.global)(sx, sy)} />
            {names.map((name, k) => (
              <path
                key={name}
                className="grad-layer"
                stroke={runColour(k + 1)}
                d={line((p) => p.layers.find((l) => l.name === name)?.norm)(sx, sy)}
              />
            ))}
          </>
        )}
      </EpochPlot>
      <ul className="legend">
        <li className="legend-global">all weights</li>
        {names.map((name, k) => (
          <li key={name}>
            <span className="swatch" style={{ background: runColour(k + 1) }} aria-hidden />
            {name}
          </li>
        ))}
      </ul>
      {now && (
        <p className="hint" data-testid="gradient-summary">
          At {now.epoch === 0 ? 'the start' : `epoch ${now.epoch}`} the gradient norm is{' '}
          {now.global?.toExponential(2) ?? 'unknown'}
          {now.layers.length > 0 &&
            `; by layer: ${now.layers.map((l) => `${l.name} ${l.norm?.toExponential(2)}`).join(', ')}`}
          .
        </p>
      )}
      {warning && (
        <div role="status" className={`gradient-warning ${warning.kind}`}>
          <strong>
            {warning.kind === 'vanishing' ? 'Vanishing gradients' : 'Exploding gradients'}.
          </strong>{' '}
          {warning.text} {warning.advice}
        </div>
      )}
    </div>
  );
}
