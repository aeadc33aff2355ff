import { formatFigure } from '../../../core/charts/format';
import type { PreparedData } from '../../../data/index';
import { confidenceText, type Verdict } from './mistakes';
import { rawFeatures } from './sample-view';

/**
 * Table samples as rows of their feature values, in the data's own units. Windows of time steps
 * would need a chart each: for those the row each window starts at is shown instead.
 */
export function MistakeRows({
  data,
  firstSample,
  shown,
}: {
  data: PreparedData;
  firstSample: number;
  shown: readonly Verdict[];
}) {
  const name = (i: number) => data.classNames[i] ?? String(i);
  const flat = data.xShape.length === 2;
  const features = flat ? data.featureNames : [];
  return (
    // Focusable: a table of 30 features scrolls sideways, by keyboard too.
    <div className="mistake-rows" role="group" aria-label="Sample rows" tabIndex={0}>
      <table>
        <caption className="sr-only">Samples with their labels and feature values</caption>
        <thead>
          <tr>
            <th scope="col">{flat ? 'Row' : 'Window from row'}</th>
            <th scope="col">True</th>
            <th scope="col">Predicted</th>
            <th scope="col">Confidence</th>
            {features.map((f) => (
              <th key={f} scope="col">
                {f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((v) => {
            const sample = firstSample + v.index;
            const values = flat ? rawFeatures(data, sample) : [];
            return (
              <tr key={v.index} className={v.actual !== v.predicted ? 'wrong' : undefined}>
                <th scope="row">{(data.sourceRows[sample] ?? sample) + 1}</th>
                <td>{name(v.actual)}</td>
                <td>{name(v.predicted)}</td>
                <td className="mono">{confidenceText(v)}</td>
                {values.map((x, j) => (
                  <td key={j} className="mono">
                    {formatFigure(x)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
