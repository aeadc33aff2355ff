import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { Table } from '../../data/index';
import { formatCount } from '../../data/result';
import { LINE } from './palette';
import { linePoints, plottedColumn } from './preview-data';

/** The whole series as a line (thinned to what the chart can show). */
export function SeriesPreview({ table, column }: { table: Table; column: string }) {
  const col = plottedColumn(table, column);
  const points = useMemo(() => (col ? linePoints(col, 0, table.rowCount) : []), [col, table]);
  if (!col || points.length === 0) return null;
  return (
    // A figure with a caption may not take the img role itself: the drawing inside does.
    <figure className="data-chart">
      <div
        role="img"
        aria-label={`Line chart of ${col.name} over ${formatCount(table.rowCount)} steps`}
      >
        <LineChart
          accessibilityLayer={false}
          responsive
          data={points}
          style={{ width: '100%', height: 200 }}
          margin={{ top: 6, right: 8, bottom: 4, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" domain={['dataMin', 'dataMax']} tickCount={6} />
          <YAxis domain={['auto', 'auto']} width={52} tickCount={5} />
          <Line
            dataKey="y"
            dot={false}
            stroke={LINE}
            strokeWidth={1.25}
            isAnimationActive={false}
          />
        </LineChart>
      </div>
      <figcaption className="data-help">{col.name} by step (row).</figcaption>
    </figure>
  );
}
