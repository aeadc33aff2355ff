import { useMemo, useState } from 'react';
import { bestRun, summarise, type SweepRecord } from '../../core/sweep/results';
import { announce } from '../../components/announcer';
import { ResultsTable } from './ResultsTable';
import { SweepComparison, SweepCurves } from './SweepCharts';

/** With the script writers in sweep-files.ts, loaded on the first export rather than at start. */
const downloadSweepTable = (rec: SweepRecord, format: 'csv' | 'json') =>
  void import('./sweep-files')
    .then((f) => f.downloadSweepTable(rec, format))
    .catch(() => announce('The results could not be exported: reload the page and try again.'));

/** Who wins: the table, every curve, and the score against what was varied. */
export function SweepResults({ rec }: { rec: SweepRecord }) {
  const rows = useMemo(() => rec.results.map(summarise), [rec]);
  const best = bestRun(rows);
  const [picked, setPicked] = useState<number | null>(null);
  const selected = picked ?? best;
  if (rows.length === 0) return <p className="empty-note">Results appear here as each run ends.</p>;
  return (
    <section className="sweep-results" aria-labelledby="sweep-results-title">
      <h3 id="sweep-results-title">Results</h3>
      {best !== null && (
        <p>
          Best so far: run {best} (lowest{' '}
          {rows.some((r) => r.bestValLoss !== null) ? 'validation' : 'training'} loss).
        </p>
      )}
      <ResultsTable
        labels={rec.labels}
        metric={rec.metric}
        rows={rows}
        best={best}
        selected={selected}
        onSelect={setPicked}
      />
      <div className="sweep-figures">
        <SweepCurves rec={rec} selected={selected} />
        <SweepComparison rec={rec} rows={rows} selected={selected} onSelect={setPicked} />
      </div>
      <div role="group" aria-label="Export the results" className="button-row">
        <button type="button" onClick={() => downloadSweepTable(rec, 'csv')}>
          Export results as CSV
        </button>
        <button type="button" onClick={() => downloadSweepTable(rec, 'json')}>
          Export results as JSON
        </button>
      </div>
    </section>
  );
}
