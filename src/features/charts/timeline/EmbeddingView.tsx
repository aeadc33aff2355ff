import { useState } from 'react';
import { extent } from '../../../core/charts/scale';
import { linearScale } from '../../../core/charts/scale';
import type { TimelineEntry } from '../../../core/timeline/history';
import { embeddingSentence } from '../../../core/timeline/summaries';
import { classColour } from '../../../core/charts/chart-theme';
import { EmbeddingLayerField } from './EmbeddingLayerField';

const SIZE = 320;
const PAD = 12;

/**
 * The validation samples' activations at one layer, projected to 2-D by PCA in the worker and
 * coloured by class: scrub the timeline to watch the classes pull apart. Hover, tap or focus a
 * point to read which sample it is.
 */
export function EmbeddingView({
  current,
  classNames,
}: {
  current: TimelineEntry;
  classNames: readonly string[];
}) {
  const [picked, setPicked] = useState<number | null>(null);
  const e = current.timeline.embedding;
  if (!e || e.points.length === 0)
    return (
      <div className="timeline-view embedding">
        <EmbeddingLayerField shownName={null} />
        <p className="hint">No projection recorded: it needs at least three validation samples.</p>
      </div>
    );
  const n = e.points.length / 2;
  const xs = e.points.filter((_, i) => i % 2 === 0);
  const ys = e.points.filter((_, i) => i % 2 === 1);
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const sx = linearScale(x0, x1, PAD, SIZE - PAD);
  const sy = linearScale(y0, y1, SIZE - PAD, PAD);
  const name = (label: number) => classNames[label] ?? `class ${label}`;
  const describe = (i: number) =>
    `Sample ${e.firstSample + i + 1}${e.labels ? `, ${name(e.labels[i] ?? 0)}` : ''}`;
  return (
    <div className="timeline-view embedding">
      <EmbeddingLayerField shownName={e.layerName} />
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={`${e.layerName} projected to 2-D at epoch ${current.epoch}`}
        className="embedding-plot"
        onPointerLeave={() => setPicked(null)}
      >
        {Array.from({ length: n }, (_, i) => (
          <circle
            key={i}
            cx={sx(xs[i]!)}
            cy={sy(ys[i]!)}
            r={picked === i ? 6 : 3.5}
            fill={e.labels ? classColour(e.labels[i] ?? 0) : 'currentColor'}
            onPointerEnter={() => setPicked(i)}
            onPointerDown={() => setPicked(i)}
          />
        ))}
      </svg>
      <p className="hint" aria-live="polite">
        {picked === null ? 'Point at a dot to see its sample.' : describe(picked)}
      </p>
      {e.labels && (
        <ul className="legend">
          {[...new Set(e.labels)]
            .sort((a, b) => a - b)
            .map((l) => (
              <li key={l}>
                <span className="swatch" style={{ background: classColour(l) }} aria-hidden />
                {name(l)}
              </li>
            ))}
        </ul>
      )}
      <p className="hint" data-testid="embedding-summary">
        {embeddingSentence(e, current.epoch, e.labels)}
      </p>
    </div>
  );
}
