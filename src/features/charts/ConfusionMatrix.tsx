import { memo, useMemo, type CSSProperties } from 'react';
import { confusionMatrix, labelClasses, predictedClasses } from '../../core/charts/confusion';
import { formatShare } from '../../core/charts/format';
import type { PreparedData } from '../../data/index';
import type { Predictions } from '../../core/training/probe-types';

/** Actual × predicted counts on the probed validation samples, with each class's accuracy. */
export const ConfusionMatrix = memo(function ConfusionMatrix({
  data,
  predictions,
}: {
  data: PreparedData;
  predictions: Predictions;
}) {
  const k = Math.max(2, data.numClasses);
  const c = useMemo(() => {
    const { values, count, units, firstSample } = predictions;
    const predicted = predictedClasses(values, count, units);
    return confusionMatrix(labelClasses(data.y, data.yShape, firstSample, count), predicted, k);
  }, [data, predictions, k]);
  const name = (i: number) => data.classNames[i] ?? String(i);
  return (
    <div className="confusion">
      <table>
        <caption>
          Confusion matrix on {c.total} validation samples: accuracy{' '}
          {c.accuracy === null ? '—' : formatShare(c.accuracy)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Actual \ predicted</th>
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
                {row.map((n, j) => (
                  <td
                    key={j}
                    className={i === j ? 'hit' : n > 0 ? 'miss' : undefined}
                    style={{ '--share': total > 0 ? n / total : 0 } as CSSProperties}
                  >
                    {n}
                  </td>
                ))}
                <td className="mono">{acc === null ? '—' : formatShare(acc)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
