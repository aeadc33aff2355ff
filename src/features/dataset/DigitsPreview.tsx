import { cellText, columnsWithRole, type Table } from '../../data/index';

const SHOWN = 12;
const PX = 5;

/** The first few images as small grey grids with their labels. */
export function DigitsPreview({ table, shape }: { table: Table; shape: number[] }) {
  const [h = 0, w = 0] = shape;
  const pixels = columnsWithRole(table, 'feature');
  const label = columnsWithRole(table, 'label')[0];
  const count = Math.min(SHOWN, table.rowCount);
  const labels = Array.from({ length: count }, (_, i) => (label ? cellText(label, i) : ''));
  return (
    <figure
      className="data-digits"
      role="img"
      aria-label={`The first ${count} images (${h}×${w}), labelled ${labels.join(', ')}`}
    >
      {labels.map((name, i) => (
        <div key={i} className="data-digit">
          <svg width={w * PX} height={h * PX} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
            {pixels.slice(0, h * w).map((c, j) => {
              const v = c.kind === 'numeric' ? (c.values[i] ?? 0) : 0;
              const grey = Math.round(255 * (1 - Math.min(1, Math.max(0, v))));
              return (
                <rect
                  key={j}
                  x={j % w}
                  y={Math.floor(j / w)}
                  width={1}
                  height={1}
                  fill={`rgb(${grey} ${grey} ${grey})`}
                />
              );
            })}
          </svg>
          <span>{name}</span>
        </div>
      ))}
    </figure>
  );
}
