import { useMemo } from 'react';
import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from 'recharts';
import type { Table } from '../../data/index';
import { formatCount } from '../../data/result';
import { groupColour } from './palette';
import { scatterView, type ScatterView } from './preview-data';

/** The first two features, coloured by class (or by value range for a numeric target). */
export function ScatterPreview({ table }: { table: Table }) {
  const view = useMemo(() => scatterView(table), [table]);
  if (!view) return null;
  const by = view.colourBy ? `, coloured by ${view.colourBy}` : '';
  const classes = view.colourBy ? `: ${view.groups.map((g) => g.name).join(', ')}` : '';
  return (
    // The figure is named by its caption; the drawing inside is one image with a full
    // description (a figure with a caption may not itself take the img role).
    <figure className="data-chart">
      <div
        role="img"
        aria-label={`Scatter of ${view.yName} against ${view.xName}, ${formatCount(view.shown)} points${by}${classes}`}
      >
        <ScatterChart
          accessibilityLayer={false}
          responsive
          style={{ width: '100%', maxWidth: 360, aspectRatio: 1.05 }}
          margin={{ top: 6, right: 8, bottom: 4, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            name={view.xName}
            domain={['auto', 'auto']}
            tickCount={5}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={view.yName}
            domain={['auto', 'auto']}
            width={44}
            tickCount={5}
          />
          <ZAxis range={[14, 14]} />
          {view.groups.map((g, i) => (
            <Scatter
              key={g.name}
              name={g.name}
              data={g.points}
              fill={groupColour(view.grouping, i)}
              isAnimationActive={false}
              shape={dot}
            />
          ))}
        </ScatterChart>
      </div>
      {view.colourBy && <ScatterLegend view={view} />}
      <figcaption className="data-help">
        {view.yName} against {view.xName}
        {by}.
      </figcaption>
    </figure>
  );
}

/**
 * A point as a plain circle at its place. recharts' own symbol is a path moved there by a
 * transform: with 500 points, 500 transforms the browser sorts into layers again on every
 * frame the page paints (a training readout ticking over), about 13 ms a frame on 2 busy cores.
 */
function dot(props: unknown) {
  const { cx, cy, fill } = props as { cx?: number; cy?: number; fill?: string };
  if (cx === undefined || cy === undefined) return <g />;
  return <circle cx={cx} cy={cy} r={2.1} fill={fill} />;
}

/**
 * The groups in the view's order (value ranges low to high). recharts' own <Legend> sorts its
 * items by their text, which put "10000 to 10700" before "6820 to 8620".
 */
function ScatterLegend({ view }: { view: ScatterView }) {
  return (
    <ul className="data-legend" aria-label="Legend">
      {view.groups.map((g, i) => (
        <li key={g.name}>
          <svg width="9" height="9" aria-hidden="true">
            <circle cx="4.5" cy="4.5" r="4.5" fill={groupColour(view.grouping, i)} />
          </svg>
          {g.name}
        </li>
      ))}
    </ul>
  );
}
