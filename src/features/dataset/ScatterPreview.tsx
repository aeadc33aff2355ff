import { useMemo } from 'react';
import { CartesianGrid, Legend, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from 'recharts';
import type { Table } from '../../data/index';
import { formatCount } from '../../data/result';
import { colourOf, RANGES } from './palette';
import { scatterView } from './preview-data';

/** The first two features, coloured by class (or by value range for a numeric target). */
export function ScatterPreview({ table }: { table: Table }) {
  const view = useMemo(() => scatterView(table), [table]);
  if (!view) return null;
  const by = view.colourBy ? `, coloured by ${view.colourBy}` : '';
  const classes = view.colourBy ? `: ${view.groups.map((g) => g.name).join(', ')}` : '';
  return (
    <figure
      className="data-chart"
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
            fill={view.grouping === 'ranges' ? (RANGES[i] ?? colourOf(i)) : colourOf(i)}
            isAnimationActive={false}
          />
        ))}
        {view.colourBy && <Legend iconSize={9} wrapperStyle={{ fontSize: 12 }} />}
      </ScatterChart>
      <figcaption className="data-help">
        {view.yName} against {view.xName}
        {by}.
      </figcaption>
    </figure>
  );
}
