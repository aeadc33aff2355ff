import { useMemo } from 'react';
import type { PreparedData } from '../../../data/index';
import { confidenceText, type Verdict } from './mistakes';
import { SampleImage } from './SampleImage';
import { rawFeatures } from './sample-view';

/** Pictures with their labels: true class, predicted class, confidence. */
export function MistakeCards({
  data,
  firstSample,
  shown,
  shape,
}: {
  data: PreparedData;
  firstSample: number;
  shown: readonly Verdict[];
  shape: readonly [number, number, 1 | 3];
}) {
  const name = (i: number) => data.classNames[i] ?? String(i);
  return (
    <ul className="mistake-cards">
      {shown.map((v) => (
        <Card
          key={v.index}
          data={data}
          sample={firstSample + v.index}
          shape={shape}
          label={`true ${name(v.actual)}, predicted ${name(v.predicted)}`}
          verdict={v}
        />
      ))}
    </ul>
  );
}

function Card({
  data,
  sample,
  shape,
  label,
  verdict,
}: {
  data: PreparedData;
  sample: number;
  shape: readonly [number, number, 1 | 3];
  label: string;
  verdict: Verdict;
}) {
  const values = useMemo(() => rawFeatures(data, sample), [data, sample]);
  const row = (data.sourceRows[sample] ?? sample) + 1;
  const wrong = verdict.actual !== verdict.predicted;
  return (
    <li className={wrong ? 'mistake-card wrong' : 'mistake-card'}>
      <SampleImage values={values} shape={shape} />
      <span className="mistake-label">{label}</span>
      <span className="mistake-confidence mono">{confidenceText(verdict)}</span>
      <span className="mistake-row hint">row {row}</span>
    </li>
  );
}
