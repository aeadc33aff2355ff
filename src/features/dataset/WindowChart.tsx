import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  XAxis,
  YAxis,
} from 'recharts';
import { LINE, TARGET, WINDOW_FILL } from './palette';
import type { WindowView } from './window-view';

/** The series around one window: the window shaded, its target (or label) step marked. */
export function WindowChart({ view }: { view: WindowView }) {
  const last = view.end - 1;
  return (
    <figure
      className="data-chart"
      role="img"
      aria-label={`${view.plotted} from step ${view.points[0]?.x ?? 0} to ${view.points.at(-1)?.x ?? 0}; window ${view.k + 1} covers steps ${view.start} to ${last}, its target is at step ${view.target}`}
    >
      <LineChart
        accessibilityLayer={false}
        responsive
        data={view.points}
        style={{ width: '100%', height: 220 }}
        margin={{ top: 8, right: 10, bottom: 4, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="x"
          domain={['dataMin', 'dataMax']}
          allowDecimals={false}
          tickCount={7}
        />
        <YAxis domain={['auto', 'auto']} width={52} tickCount={5} />
        <ReferenceArea
          x1={view.start}
          x2={last}
          fill={WINDOW_FILL}
          fillOpacity={0.16}
          stroke={WINDOW_FILL}
          strokeOpacity={0.5}
          ifOverflow="extendDomain"
        />
        <Line dataKey="y" dot={false} stroke={LINE} strokeWidth={1.5} isAnimationActive={false} />
        {view.mark && (
          <ReferenceDot
            x={view.mark.x}
            y={view.mark.y}
            r={5}
            fill={TARGET}
            stroke="#fff"
            strokeWidth={1.5}
            ifOverflow="extendDomain"
          />
        )}
      </LineChart>
    </figure>
  );
}
