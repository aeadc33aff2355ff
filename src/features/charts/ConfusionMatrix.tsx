import { memo, type CSSProperties } from 'react';
import type { Confusion } from '../../core/charts/confusion';
import { formatShare } from '../../core/charts/format';
import { samplesText, type CellFilter } from './mistakes/mistakes';
import './mistakes/mistakes.css';

/**
 * True × predicted counts on the probed validation samples, with each class's accuracy. Each
 * count is a button: it shows that cell's samples in the gallery below (pressed again, all the
 * mistakes).
 */
export const ConfusionMatrix = memo(function ConfusionMatrix({
  confusion: c,
  classNames,
  selected,
  onSelect,
  galleryId,
}: {
  confusion: Confusion;
  classNames: readonly string[];
  selected: CellFilter;
  /** `pointer`: picked by mouse, pen or touch (a keyboard user keeps the matrix in sight). */
  onSelect: (cell: CellFilter, pointer: boolean) => void;
  /** The element the cells fill, for aria-controls. */
  galleryId: string;
}) {
  const name = (i: number) => classNames[i] ?? String(i);
  return (
    <div className="confusion">
      <table>
        <caption>
          Confusion matrix on {c.total} validation samples: accuracy{' '}
          {c.accuracy === null ? '—' : formatShare(c.accuracy)}
        </caption>
        <thead>
          <tr>
            <th scope="col">True \ predicted</th>
            {c.matrix.map((_, j) => (
              <th key={j} scope="col">
                {name(j)}
              </th>
            ))}
            <th scope="col">Class accuracy</th>
          </tr>
        </thead>
        <tbody>
          {c.matrix.map((row, i) => {
            const total = c.perClass[i]?.total ?? 0;
            const acc = c.perClass[i]?.accuracy ?? null;
            return (
              <tr key={i}>
                <th scope="row">{name(i)}</th>
                {row.map((n, j) => {
                  const pressed = selected?.actual === i && selected.predicted === j;
                  return (
                    <td
                      key={j}
                      className={i === j ? 'hit' : n > 0 ? 'miss' : undefined}
                      style={{ '--share': total > 0 ? n / total : 0 } as CSSProperties}
                    >
                      <button
                        type="button"
                        className="confusion-cell"
                        aria-label={`true ${name(i)}, predicted ${name(j)}: ${samplesText(n)}`}
                        aria-pressed={pressed}
                        aria-controls={galleryId}
                        // detail counts clicks; 0 for a click made with Enter or Space.
                        onClick={(e) =>
                          onSelect(pressed ? null : { actual: i, predicted: j }, e.detail > 0)
                        }
                      >
                        {n}
                      </button>
                    </td>
                  );
                })}
                <td className="mono">{acc === null ? '—' : formatShare(acc)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
