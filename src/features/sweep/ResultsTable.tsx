import { useState } from 'react';
import { announce } from '../../components/announcer';
import { showValue } from '../../core/sweep/space';
import type { RunSummary } from '../../core/sweep/results';
import { formatFigure } from '../../core/charts/format';
import { useAppStore } from '../../store/store';
import { sameKey, sortSummaries, type Sort, type SortKey } from './sort';

interface Props {
  labels: string[];
  metric: string | null;
  rows: RunSummary[];
  best: number | null;
  selected: number | null;
  onSelect(index: number): void;
}

const fig = (x: number | null) => (x === null ? '–' : formatFigure(x));

/** Each run's values and results; every column header sorts (aria-sort says how). */
export function ResultsTable({ labels, metric, rows, best, selected, onSelect }: Props) {
  const [sort, setSort] = useState<Sort>({
    key: { kind: 'field', field: 'index' },
    dir: 'ascending',
  });
  const [problems, setProblems] = useState<string[]>([]);
  const columns: { key: SortKey; title: string }[] = [
    { key: { kind: 'field', field: 'index' }, title: 'Run' },
    ...labels.map((l, k) => ({ key: { kind: 'value', k } as SortKey, title: l })),
    { key: { kind: 'field', field: 'bestValLoss' }, title: 'Best val loss' },
    { key: { kind: 'field', field: 'finalValLoss' }, title: 'Final val loss' },
    {
      key: { kind: 'field', field: 'finalMetric' },
      title: metric ? `Final ${metric}` : 'Final metric',
    },
    { key: { kind: 'field', field: 'epochs' }, title: 'Epochs' },
    { key: { kind: 'field', field: 'timeMs' }, title: 'Time (s)' },
    { key: { kind: 'field', field: 'outcome' }, title: 'Outcome' },
  ];
  const sorted = sortSummaries(rows, sort);
  const open = (index: number) => {
    const p = useAppStore.getState().openSweepRun(index);
    setProblems(p);
    if (p.length === 0)
      announce(`Run ${index}'s settings are in the builder (undo puts the model back).`);
  };
  return (
    <>
      <table className="sweep-table" aria-label="Sweep results">
        <thead>
          <tr>
            {columns.map((c) => {
              const on = sameKey(c.key, sort.key);
              return (
                <th key={c.title} scope="col" aria-sort={on ? sort.dir : 'none'}>
                  <button
                    type="button"
                    onClick={() =>
                      setSort({
                        key: c.key,
                        dir: on && sort.dir === 'ascending' ? 'descending' : 'ascending',
                      })
                    }
                  >
                    {c.title}
                  </button>
                </th>
              );
            })}
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr
              key={r.index}
              aria-selected={selected === r.index}
              className={selected === r.index ? 'selected' : undefined}
            >
              <th scope="row">
                <button
                  type="button"
                  aria-label={`Highlight run ${r.index}`}
                  onClick={() => onSelect(r.index)}
                >
                  {r.index}
                  {best === r.index && ' ★'}
                </button>
              </th>
              {r.values.map((v, k) => (
                <td key={k}>{showValue(v)}</td>
              ))}
              <td>{fig(r.bestValLoss)}</td>
              <td>{fig(r.finalValLoss)}</td>
              <td>{fig(r.finalMetric)}</td>
              <td>{r.epochs}</td>
              <td>{(r.timeMs / 1000).toFixed(1)}</td>
              <td>{r.outcome}</td>
              <td>
                <button type="button" onClick={() => open(r.index)}>
                  Open run {r.index}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > 0 && (
        <ul role="alert" className="sweep-error">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </>
  );
}
