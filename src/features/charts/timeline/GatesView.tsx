import { stepAxis } from '../../../core/charts/axis';
import { runColour } from '../../../core/charts/chart-theme';
import { extent } from '../../../core/charts/scale';
import { gateSentence } from '../../../core/timeline/gate-saturation';
import type { TimelineEntry } from '../../../core/timeline/history';
import { EpochPlot } from './EpochPlot';
import { gateLines } from './timeline-data';

const SHARE_AXIS = { domain: [0, 1] as [number, number], ticks: [0, 0.25, 0.5, 0.75, 1] };

/**
 * For each LSTM/GRU layer: the share of each gate's activations stuck near its flat ends, over
 * the epochs, measured on the validation samples, with a sentence on the scrubbed epoch.
 */
export function GatesView({
  entries,
  current,
}: {
  entries: readonly TimelineEntry[];
  current: TimelineEntry;
}) {
  const layers = current.timeline.gates ?? [];
  if (layers.length === 0)
    return <p className="hint">No LSTM or GRU layer: gate saturation is measured for those.</p>;
  const x = stepAxis(extent(entries.map((e) => e.epoch)), true);
  return (
    <div className="timeline-view">
      {layers.map((layer) => {
        const lines = gateLines(entries, layer.layerIndex);
        return (
          <section key={layer.layerIndex} aria-label={`${layer.layerName} gate saturation`}>
            <EpochPlot
              label={`${layer.layerName}: share of each gate's activations saturated, over epochs`}
              x={x}
              y={SHARE_AXIS}
              marker={current.epoch}
            >
              {(sx, sy) =>
                lines.map((line, k) => (
                  <path
                    key={line.gate}
                    className="grad-layer"
                    stroke={runColour(k + 1)}
                    d={line.points
                      .map((p, i) => `${i ? 'L' : 'M'}${sx(p.epoch)},${sy(p.share)}`)
                      .join('')}
                  />
                ))
              }
            </EpochPlot>
            <ul className="legend">
              {lines.map((line, k) => (
                <li key={line.gate}>
                  <span className="swatch" style={{ background: runColour(k + 1) }} aria-hidden />
                  {line.gate === 'candidate' ? 'candidate' : `${line.gate} gate`}
                </li>
              ))}
            </ul>
            <p className="hint" data-testid="gate-summary">
              {gateSentence(layer, current.epoch)}
            </p>
          </section>
        );
      })}
      <p className="hint">
        A gate value below 0.05 or above 0.95 (the candidate: beyond ±0.95) is saturated: it passes
        almost no gradient, so that gate stops learning.
      </p>
    </div>
  );
}
