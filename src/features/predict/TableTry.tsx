import { SampleField } from '../../components/SampleField';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { NumberField } from '../../components/NumberField';
import { numberRule } from '../../core/number-rule';
import { rawFeatures, scaledFeatures } from '../../core/predict/reading';
import type { PreparedData } from '../../data/prepare';
import { PredictionReadout } from './PredictionReadout';
import { truthOf, validationRange } from './sample-truth';
import { usePrediction } from './usePrediction';

interface Props {
  data: PreparedData;
  runId: number | null;
}

const anyNumber = numberRule(z.number());
/** Float32 noise trimmed: 5.1 shows as 5.1, not 5.099999904632568. */
const tidy = (v: number) => Number(v.toPrecision(7));

/**
 * A form of the feature values in the data's own units, filled from a validation sample the
 * user picks; the model reads them scaled exactly as the preparation scaled its data.
 */
export function TableTry({ data, runId }: Props) {
  const { first, count } = validationRange(data);
  const [sample, setSample] = useState(1);
  const at = first + Math.min(count, Math.max(1, sample)) - 1;
  const [edits, setEdits] = useState<{ at: number; values: number[] } | null>(null);
  const values = useMemo(
    () => (edits?.at === at ? edits.values : rawFeatures(data.x, at, data.normalisation).map(tidy)),
    [edits, at, data],
  );
  const input = useMemo(() => scaledFeatures(values, data.normalisation), [values, data]);
  const shape = useMemo(() => data.xShape.slice(1), [data]);
  const prediction = usePrediction(runId, input, shape);
  const edited = edits?.at === at;

  return (
    <div className="table-try">
      <div className="try-row">
        <SampleField value={sample} count={count} onChange={setSample} />
        {edited && (
          <button type="button" onClick={() => setEdits(null)}>
            Reset values
          </button>
        )}
      </div>
      <div className="try-fields">
        {data.featureNames.map((name, j) => (
          <NumberField
            key={`${at}-${name}`}
            label={name}
            value={values[j] ?? 0}
            rule={anyNumber}
            onCommit={(v) => {
              setEdits({ at, values: values.map((old, k) => (k === j ? v : old)) });
              return true;
            }}
          />
        ))}
      </div>
      {runId !== null && (
        <PredictionReadout
          data={data}
          prediction={prediction}
          {...(!edited && { truth: truthOf(data, at) })}
        />
      )}
    </div>
  );
}
