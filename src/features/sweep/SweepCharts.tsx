import {
  CartesianGrid,
  Line,
  LineChart,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  comparable,
  curveKey,
  curveOrder,
  curveRows,
  heatmap,
  parallelLines,
  valueAxis,
  valuePoints,
} from '../../core/sweep/chart-data';
import type { RunSummary, SweepRecord } from '../../core/sweep/results';
import { formatFigure } from '../../core/charts/format';

const W = 420;
const H = 220;
const HIGHLIGHT = 'var(--accent, #d9480f)';
const MUTED = 'var(--muted-line, #9aa5b1)';

/** Every run's validation loss (training loss without validation data) by epoch; the selected on top. */
export function SweepCurves({ rec, selected }: { rec: SweepRecord; selected: number | null }) {
  const data = curveRows(rec.results);
  const order = curveOrder(rec.results, selected);
  return (
    <figure className="sweep-figure" aria-label="Loss curves of every run">
      <LineChart
        width={W}
        height={H}
        data={data}
        margin={{ top: 8, right: 12, bottom: 16, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="epoch" label={{ value: 'epoch', position: 'insideBottom', offset: -8 }} />
        <YAxis
          tickFormatter={formatFigure}
          width={56}
          label={{ value: 'val loss', angle: -90, position: 'insideLeft' }}
        />
        <Tooltip formatter={(v) => formatFigure(Number(v))} />
        {order.map((index) => (
          <Line
            key={index}
            dataKey={curveKey(index)}
            name={`Run ${index}`}
            dot={false}
            isAnimationActive={false}
            stroke={index === selected ? HIGHLIGHT : MUTED}
            strokeWidth={index === selected ? 3 : 1}
            connectNulls
          />
        ))}
      </LineChart>
      <figcaption>
        Validation loss by epoch, every run
        {selected !== null ? `; run ${selected} highlighted` : ''}.
      </figcaption>
    </figure>
  );
}

/** Who wins, by what was varied: one thing a score-against-value chart, two a heatmap, three parallel coordinates. */
export function SweepComparison({
  rec,
  rows,
  selected,
  onSelect,
}: {
  rec: SweepRecord;
  rows: RunSummary[];
  selected: number | null;
  onSelect(i: number): void;
}) {
  const useMetric = rec.metric !== null && rows.some((r) => r.finalMetric !== null);
  const scoreName = useMetric ? `final ${rec.metric}` : 'best val loss';
  const done = comparable(rows);
  if (done.length === 0) return null;
  if (rec.labels.length === 1) {
    const pts = valuePoints(done, useMetric);
    const { numeric, log } = valueAxis(
      pts,
      rec.results.every((r) => typeof r.values[0] === 'number'),
    );
    return (
      <figure className="sweep-figure" aria-label={`${scoreName} against ${rec.labels[0]}`}>
        <ScatterChart width={W} height={H} margin={{ top: 8, right: 12, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            scale={log ? 'log' : 'auto'}
            domain={['auto', 'auto']}
            tickFormatter={(x) =>
              numeric ? formatFigure(Number(x)) : (pts.find((p) => p.x === x)?.label ?? '')
            }
            label={{ value: rec.labels[0], position: 'insideBottom', offset: -8 }}
          />
          <YAxis
            dataKey="score"
            tickFormatter={formatFigure}
            width={56}
            label={{ value: scoreName, angle: -90, position: 'insideLeft' }}
          />
          <Tooltip />
          <Scatter
            data={pts}
            fill={MUTED}
            isAnimationActive={false}
            onClick={(p) => onSelect((p as unknown as { index: number }).index)}
          />
          <Scatter
            data={pts.filter((p) => p.index === selected)}
            fill={HIGHLIGHT}
            isAnimationActive={false}
          />
        </ScatterChart>
        <figcaption>
          {scoreName} for each value of {rec.labels[0]}.
        </figcaption>
      </figure>
    );
  }
  if (rec.labels.length === 2) {
    const h = heatmap(done, useMetric);
    const shade = (v: number | null) => {
      if (v === null) return 'transparent';
      const t = h.max > h.min ? (v - h.min) / (h.max - h.min) : 0.5;
      // Good is dark: high accuracy, or low loss.
      const good = useMetric ? t : 1 - t;
      return `hsl(210 70% ${Math.round(90 - good * 55)}%)`;
    };
    return (
      <figure className="sweep-figure" aria-label={`Heatmap of ${scoreName}`}>
        <table className="sweep-heatmap">
          <caption>
            {scoreName}: {rec.labels[1]} (rows) × {rec.labels[0]} (columns)
          </caption>
          <thead>
            <tr>
              <th scope="col">
                {rec.labels[1]} \ {rec.labels[0]}
              </th>
              {h.cols.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {h.rows.map((rl, row) => (
              <tr key={rl}>
                <th scope="row">{rl}</th>
                {h.cells
                  .filter((c) => c.row === row)
                  .map((c) => (
                    <td
                      key={c.col}
                      style={{
                        background: shade(c.score),
                        outline:
                          c.index === selected && c.index !== null
                            ? `2px solid ${HIGHLIGHT}`
                            : undefined,
                      }}
                      onClick={() => c.index !== null && onSelect(c.index)}
                    >
                      {c.score === null ? '–' : formatFigure(c.score)}
                    </td>
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
    );
  }
  const p = parallelLines(done, useMetric);
  const axes = [...rec.labels, scoreName];
  const x = (k: number) => 40 + (k * (W - 80)) / (axes.length - 1);
  const y = (v: number) => H - 30 - v * (H - 60);
  return (
    <figure className="sweep-figure" aria-label={`Parallel coordinates of ${axes.join(', ')}`}>
      <svg
        width={W}
        height={H}
        role="img"
        aria-label="One line per run across the varied things and the score"
      >
        {axes.map((a, k) => (
          <g key={a}>
            <line x1={x(k)} x2={x(k)} y1={y(0)} y2={y(1)} stroke="currentColor" />
            <text x={x(k)} y={H - 8} textAnchor="middle" fontSize={11}>
              {a}
            </text>
          </g>
        ))}
        {p.lines.map((l) => (
          <polyline
            key={l.index}
            points={l.ys.map((v, k) => `${x(k)},${y(v)}`).join(' ')}
            fill="none"
            stroke={l.index === selected ? HIGHLIGHT : MUTED}
            strokeWidth={l.index === selected ? 3 : 1}
            onClick={() => onSelect(l.index)}
          >
            <title>Run {l.index}</title>
          </polyline>
        ))}
      </svg>
    </figure>
  );
}
