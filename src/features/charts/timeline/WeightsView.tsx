import { useState } from 'react';
import { stepAxis, valueAxis } from '../../../core/charts/axis';
import { extent } from '../../../core/charts/scale';
import { viridis } from '../../../core/charts/colour';
import type { TimelineEntry } from '../../../core/timeline/history';
import { weightSentence } from '../../../core/timeline/summaries';
import { SelectField } from '../../../components/SelectField';
import { Heatmap } from '../../../components/Heatmap';
import { EpochPlot } from './EpochPlot';
import { quantileSeries, weightChoices, weightKey, weightPictures } from './timeline-data';

interface Props {
  entries: readonly TimelineEntry[];
  /** The entry on screen (the scrubber's, else the latest). */
  current: TimelineEntry;
}

/** Bands between quantile pairs (0–100, 5–95, 25–75) and the median line. */
const BANDS: [number, number, string][] = [
  [0, 6, 'band-outer'],
  [1, 5, 'band-mid'],
  [2, 4, 'band-inner'],
];

/**
 * One weight tensor's distribution over the epochs as shaded quantile bands, and its values at
 * the scrubbed epoch as a picture (a Dense kernel's heatmap, Conv filters).
 */
export function WeightsView({ entries, current }: Props) {
  const choices = weightChoices(entries);
  const [chosen, setChosen] = useState<string>(choices[0]?.key ?? '');
  const key = choices.some((c) => c.key === chosen) ? chosen : (choices[0]?.key ?? '');
  const rows = quantileSeries(entries, key);
  const w = current.timeline.weights.find((x) => weightKey(x) === key);
  if (!w || rows.length === 0) return <p className="hint">No weights recorded yet.</p>;
  const x = stepAxis(extent(rows.map((r) => r.epoch)), true);
  const y = valueAxis(extent(rows.flatMap((r) => r.q)));
  const pictures = weightPictures(w);
  const span = extent(w.values ?? [0]);
  const lim = Math.max(Math.abs(span[0]), Math.abs(span[1])) || 1;
  return (
    <div className="timeline-view">
      <SelectField
        label="Weight tensor"
        value={key}
        options={choices.map((c) => ({ value: c.key, label: c.label }))}
        onChange={setChosen}
      />
      <EpochPlot
        label={`Distribution of ${w.layerName} ${w.weight} over epochs`}
        x={x}
        y={y}
        marker={current.epoch}
      >
        {(sx, sy) => (
          <>
            {BANDS.map(([lo, hi, cls]) => (
              <path
                key={cls}
                className={cls}
                d={
                  rows.map((r, i) => `${i ? 'L' : 'M'}${sx(r.epoch)},${sy(r.q[hi]!)}`).join('') +
                  [...rows]
                    .reverse()
                    .map((r) => `L${sx(r.epoch)},${sy(r.q[lo]!)}`)
                    .join('') +
                  'Z'
                }
              />
            ))}
            <path
              className="median"
              d={rows.map((r, i) => `${i ? 'L' : 'M'}${sx(r.epoch)},${sy(r.q[3]!)}`).join('')}
            />
          </>
        )}
      </EpochPlot>
      <p className="hint" data-testid="weight-summary">
        {weightSentence(w, current.epoch)}
      </p>
      {pictures.length > 0 && (
        <div className="weight-pictures" aria-label="Weights as pictures">
          {pictures.map((p) => (
            <figure key={p.label}>
              <Heatmap
                label={`${p.label} at epoch ${current.epoch}`}
                rows={p.rows}
                cols={p.cols}
                values={p.values}
                domain={[-lim, lim]}
                cell={Math.max(3, Math.min(16, Math.floor(240 / Math.max(p.rows, p.cols))))}
              />
              <figcaption>{p.label}</figcaption>
            </figure>
          ))}
          <p className="hint">
            Colour runs from{' '}
            <span className="swatch" style={{ background: viridis(0) }} aria-hidden />−
            {lim.toPrecision(2)} to{' '}
            <span className="swatch" style={{ background: viridis(1) }} aria-hidden />+
            {lim.toPrecision(2)}.
          </p>
        </div>
      )}
    </div>
  );
}
