import { useId, useMemo, useState } from 'react';
import { explorerRows } from '../../core/charts/activation-curves';
import { checkRange, explorerEndSchema } from '../../core/charts/activation-series';
import {
  EXPLORER_ENTRIES,
  explorerEntry,
  type ExplorerId,
} from '../../core/charts/explorer-catalog';
import { numberRule } from '../../core/number-rule';
import { NumberField } from '../../components/NumberField';
import { SelectField } from '../../components/SelectField';
import { CURRENT_TRAIN, CURRENT_VAL } from '../../core/charts/chart-theme';
import { LineFigure } from './LineFigure';

const END = numberRule(explorerEndSchema);
const CHOICES = EXPLORER_ENTRIES.map((e) => ({ value: e.id, label: e.label }));

const LINES = [
  { key: 'f', name: 'f(x)', colour: CURRENT_TRAIN },
  { key: 'df', name: 'f′(x)', colour: CURRENT_VAL, dashed: true },
];

/**
 * Every activation in the catalog, plotted with its derivative. The curves come from closed
 * forms in core (checked against tfjs by a test), so opening the explorer loads no tfjs.
 */
export function ActivationExplorer() {
  const id = useId();
  const [fn, setFn] = useState<ExplorerId>('relu');
  const [alphas, setAlphas] = useState<Partial<Record<ExplorerId, number>>>({});
  // Each end is checked and committed on its own; the pair (from < to) is judged here.
  const [from, setFrom] = useState(-5);
  const [to, setTo] = useState(5);
  const entry = explorerEntry(fn);
  const alpha = alphas[fn] ?? entry.alpha?.default ?? 0;
  const rangeError = checkRange(from, to);
  // While the typed pair is refused, the chart keeps the last range that was accepted.
  const [shown, setShown] = useState({ from, to });
  if (!rangeError && (shown.from !== from || shown.to !== to)) setShown({ from, to });
  const rows = useMemo(
    () => explorerRows(fn, alpha, shown.from, shown.to),
    [fn, alpha, shown.from, shown.to],
  );
  return (
    <div className="explorer">
      <div className="chart-controls">
        <SelectField<ExplorerId>
          inline
          label="Activation"
          value={fn}
          options={CHOICES}
          onChange={setFn}
        />
        <NumberField
          className="explorer-end"
          label="From"
          value={from}
          rule={END}
          onCommit={(v) => {
            setFrom(v);
            return true;
          }}
        />
        <NumberField
          className="explorer-end"
          label="To"
          value={to}
          rule={END}
          onCommit={(v) => {
            setTo(v);
            return true;
          }}
        />
        {entry.alpha && (
          <>
            <label htmlFor={`${id}-alpha`}>Alpha</label>
            <input
              id={`${id}-alpha`}
              type="range"
              min={entry.alpha.min}
              max={entry.alpha.max}
              step={0.01}
              value={alpha}
              onChange={(e) => setAlphas({ ...alphas, [fn]: Number(e.target.value) })}
            />
            <output htmlFor={`${id}-alpha`} className="mono">
              {alpha.toFixed(2)}
            </output>
          </>
        )}
      </div>
      <p className="formula">
        <code>{entry.formula}</code> <span className="hint">{entry.help}</span>
        {entry.alpha && <span className="hint"> {entry.alpha.note}</span>}
      </p>
      {rangeError && (
        <p role="alert" className="field-error">
          {rangeError}
        </p>
      )}
      <LineFigure
        title={`${entry.label} and its derivative`}
        caption={`${entry.formula}. Values and derivative in closed form, as TensorFlow.js defines them.`}
        rows={rows}
        lines={LINES}
        xLabel="x"
        yLabel="Value"
        height={280}
        decimalX
      />
    </div>
  );
}
